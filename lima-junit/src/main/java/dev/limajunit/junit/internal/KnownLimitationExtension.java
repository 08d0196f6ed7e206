package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.junit.KnownLimitation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * Runs a {@link KnownLimitation} test and inverts its outcome on the declared mount types: the declared failure
 * becomes an abort ({@link KnownLimitationHeld}, with the failure as cause and a {@code lima.knownLimitation} report
 * entry), a pass becomes a failure ("no longer holds"). Any other failure stands, with a
 * {@code lima.knownLimitation.undeclared} report entry saying why it was not taken for the limitation. On other
 * mount types the outcome stands.
 */
@API(status = API.Status.INTERNAL)
public final class KnownLimitationExtension implements InvocationInterceptor {



    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context) throws Throwable {
        run(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
        run(invocation, context);
    }

    private static void run(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Optional<MountType> type = CurrentMountType.of(context);
        Optional<KnownLimitation> limitation = type.flatMap(t -> declaredFor(context.getRequiredTestMethod(), t));
        if (limitation.isEmpty()) {
            invocation.proceed();
            return;
        }
        String what = "known limitation on " + type.get() + ": " + limitation.get().reason();
        try {
            invocation.proceed();
        } catch (TestAbortedException aborted) {
            throw aborted; // an assumption inside the test says nothing about the limitation
        } catch (Throwable failure) {
            if (!DeclaredFailure.matches(limitation.get(), failure)) {
                context.publishReportEntry(LimaKeys.KNOWN_LIMITATION_UNDECLARED, "not the failure the @KnownLimitation "
                        + "on "
                        + type.get() + " declares (" + DeclaredFailure.describe(limitation.get()) + "), so a real one: "
                        + failure);
                throw failure;
            }
            context.publishReportEntry(LimaKeys.KNOWN_LIMITATION, what + " (failed as declared: " + failure + ")");
            throw new KnownLimitationHeld(type.get(), limitation.get().reason(), failure);
        }
        throw new KnownLimitationBroken(type.get(), limitation.get().reason());
    }

    private static Optional<KnownLimitation> declaredFor(Method method, MountType type) {
        List<KnownLimitation> all = AnnotationSupport.findRepeatableAnnotations(method, KnownLimitation.class);
        return all.stream().filter(l -> List.of(l.mountTypes()).contains(type)).findFirst();
    }
}
