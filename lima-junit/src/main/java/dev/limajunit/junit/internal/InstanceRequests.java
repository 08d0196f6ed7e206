package dev.limajunit.junit.internal;

import dev.limajunit.core.config.LimaDefaults;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaVm;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the {@link InstanceRequest} a class, class template invocation or parameterized method asks for: from its
 * {@link LimaVm} field, else its {@link LimaInstance}, else the defaults.
 */
final class InstanceRequests {

    /** Stands in for a class or method without {@link LimaInstance}: every attribute at its default. */
    @LimaInstance
    private static final class Defaults {
    }

    private InstanceRequests() {
    }

    /**
     * The request of the context's test class; inside a {@link ForEachMountType} invocation, with that invocation's
     * mount type.
     *
     * @throws LimaConfigurationException for a bad attribute, or a LimaVm field that breaks {@link VmFields}' rules
     */
    static InstanceRequest forClass(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        InstanceRequest request = VmFields.declared(testClass).map(VmFields.Declared::request)
                .orElseGet(() -> read(testClass, testClass.getName()));
        MountType templateType = context.getStore(LimaNamespace.NAMESPACE)
                .get(LimaNamespace.TEMPLATE_MOUNT_TYPE, MountType.class);
        return templateType == null ? request : request.withMountType(templateType, "[" + templateType + "]");
    }

    /** The request of a parameterized method: its own {@link LimaInstance}, else the defaults. */
    static InstanceRequest forMethod(Method method) {
        return read(method, method.getDeclaringClass().getName() + "#" + method.getName());
    }

    /** The request an annotated class or method declares (else the defaults), named after it. */
    static InstanceRequest forMethodOrClass(AnnotatedElement element) {
        return element instanceof Method method ? forMethod(method) : read(element, ((Class<?>) element).getName());
    }

    /**
     * Whether this element declares its own VM: a {@link LimaInstance} (directly, inherited or as a meta-annotation),
     * or on a class a {@link LimaVm} field.
     */
    static boolean declares(AnnotatedElement element) {
        return AnnotationSupport.isAnnotated(element, LimaInstance.class)
                || element instanceof Class<?> type && VmFields.any(type);
    }

    private static InstanceRequest read(AnnotatedElement element, String origin) {
        LimaInstance annotation = AnnotationSupport.findAnnotation(element, LimaInstance.class)
                .orElseGet(() -> Defaults.class.getAnnotation(LimaInstance.class));
        return AnnotationSpecReader.read(annotation, origin);
    }

    /** The mount type the request will get: the one it names, or Lima's default for its vmType on this host. */
    static MountType effectiveMountType(InstanceRequest request, HostFacts facts) {
        if (request.spec().mountType() != null) {
            return request.spec().mountType();
        }
        VmType vmType = request.spec().vmType() != null ? request.spec().vmType() : LimaDefaults.vmType(facts);
        return LimaDefaults.mountType(facts.effectiveLimaVersion(), vmType, request.spec().mountTypesUnsupported());
    }
}
