package dev.limajunit.junit.internal;

import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaVm;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * A class's {@code @RegisterExtension} {@link LimaVm} fields (its own and its superclasses', as JUnit registers
 * them), and the rules for them: static, at most one, not next to {@link LimaInstance}.
 */
@API(status = API.Status.INTERNAL)
public final class VmFields {

    private VmFields() {
    }

    /**
     * The LimaVm a class declares, with where ({@code com.example.FooIT.vm}).
     *
     * @param where the class and field, for messages
     */
    public record Declared(LimaVmExtension vm, String where) {

        public InstanceRequest request() {
            return vm.request(where);
        }
    }

    /** Whether the class has a {@code @RegisterExtension} LimaVm field at all (static or not). */
    static boolean any(Class<?> testClass) {
        return !fields(testClass).isEmpty();
    }

    /**
     * The class's LimaVm, if it declares one.
     *
     * @throws LimaConfigurationException when a field is not static, there are several, or the class also has
     *                                    {@code @LimaInstance}; nothing boots
     */
    public static Optional<Declared> declared(Class<?> testClass) {
        List<Field> fields = fields(testClass);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        for (Field field : fields) {
            if (!Modifier.isStatic(field.getModifiers())) {
                throw mustBeStatic(field);
            }
        }
        if (fields.size() > 1) {
            String names = fields.stream().map(Field::getName).sorted().collect(Collectors.joining(", "));
            throw new LimaConfigurationException(testClass.getName() + " declares " + fields.size() + " LimaVm fields ("
                    + names + "): a class has one VM; keep one (a @Nested class may declare its own)");
        }
        Field field = fields.get(0);
        if (AnnotationSupport.isAnnotated(testClass, LimaInstance.class)) {
            throw new LimaConfigurationException(testClass.getName() + " declares its VM twice, with @LimaInstance and"
                    + " with the LimaVm field " + field.getName() + ": keep one");
        }
        Object value = ReflectionSupport.tryToReadFieldValue(field, null).toOptional().orElse(null);
        if (value == null) {
            throw new LimaConfigurationException("LimaVm field " + where(field) + " is null when the class starts;"
                    + " assign it in its declaration (static final LimaVm " + field.getName() + " = ...)");
        }
        return Optional.of(new Declared((LimaVmExtension) value, where(field)));
    }

    /** Whether a static LimaVm field of the class (or a superclass) holds {@code vm}. */
    static boolean holds(Class<?> testClass, LimaVmExtension vm) {
        return fields(testClass).stream()
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .anyMatch(f -> ReflectionSupport.tryToReadFieldValue(f, null).toOptional().orElse(null) == vm);
    }

    /**
     * Fails when {@code vm} sits in an instance field of the running test: JUnit registers such a field only once
     * the test instance exists, after the class's VM would have booted.
     */
    static void requireStatic(ExtensionContext context, LimaVmExtension vm) {
        for (Object instance : context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of())) {
            for (Field field : fields(instance.getClass())) {
                if (!Modifier.isStatic(field.getModifiers())
                        && ReflectionSupport.tryToReadFieldValue(field, instance).toOptional().orElse(null) == vm) {
                    throw mustBeStatic(field);
                }
            }
        }
    }

    /**
     * Whether a {@code @LimaInstance} or {@code @ForEachMountType} on this context's class, method or an enclosing
     * one registered the annotation's extensions here: then they do the work and a LimaVm leaves it to them.
     */
    static boolean annotationRegistered(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getElement().map(e -> AnnotationSupport.isAnnotated(e, LimaInstance.class)
                    || AnnotationSupport.isAnnotated(e, ForEachMountType.class)).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static LimaConfigurationException mustBeStatic(Field field) {
        return new LimaConfigurationException("LimaVm field " + where(field) + " must be static: a VM boots once per"
                + " class, before its first test, and JUnit registers an instance field only after that (declare it"
                + " @RegisterExtension static final LimaVm " + field.getName() + " = ...)");
    }

    private static String where(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }

    private static List<Field> fields(Class<?> testClass) {
        return ReflectionSupport.findFields(testClass,
                f -> LimaVmExtension.class.isAssignableFrom(f.getType())
                && f.isAnnotationPresent(RegisterExtension.class),
                HierarchyTraversalMode.TOP_DOWN);
    }
}
