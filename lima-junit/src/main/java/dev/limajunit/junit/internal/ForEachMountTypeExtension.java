package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.junit.ForEachMountType;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provides one class template invocation per runnable mount type of {@link ForEachMountType}; each invocation
 * records its type in its store, where {@link LimaExtension} reads it to boot (or reuse) the matching VM.
 */
@API(status = API.Status.INTERNAL)
public final class ForEachMountTypeExtension implements ClassTemplateInvocationContextProvider {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return context.getTestClass().map(c -> AnnotationSupport.isAnnotated(c, ForEachMountType.class)).orElse(false);
    }

    @Override
    public Stream<? extends ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(
            ExtensionContext context) {
        ForEachMountType annotation = AnnotationSupport
                .findAnnotation(context.getRequiredTestClass(), ForEachMountType.class).orElseThrow();
        // The container's plan fails the whole class on a bad attribute here, before any invocation boots.
        ClassPlan.Runs plan = ClassPlanner.of(context).toBoot();
        return MountTypeChoice.runnable(context, plan.request(), plan.engine(), annotation.value()).stream()
                .map(MountTypeInvocation::new);
    }

    @Override
    public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
        return true; // never happens: MountTypeChoice aborts with the reasons instead
    }

    /** One mount type's run of the class: named {@code [9p]}. */
    private record MountTypeInvocation(MountType type) implements ClassTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + type.yamlName() + "]";
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            context.getStore(LimaNamespace.NAMESPACE).put(LimaNamespace.TEMPLATE_MOUNT_TYPE, type);
        }
    }
}
