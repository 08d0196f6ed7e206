package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaVm;
import dev.limajunit.junit.MountTypeSource;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LimaInstance} and {@link LimaVm} (which calls it): skips a class this host cannot run
 * (with the reason; fails it instead when {@code lima.require} names what is missing), boots (or reuses) its VM
 * before the class, and resolves {@link Instance}, {@link GuestShell}, {@link MountedDirectory} and
 * {@link MountType} parameters of constructors, lifecycle methods and tests, and the per-test watcher parameters
 * ({@link WatchParameters}).
 */
@API(status = API.Status.INTERNAL)
public final class LimaExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

    private static final Set<Class<?>> RESOLVABLE = Stream.concat(InstanceParameters.VM_TYPES.stream(),
            Stream.of(MountType.class)).collect(Collectors.toUnmodifiableSet());

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<Method> method = context.getTestMethod();
        if (method.isPresent()) {
            if (InstanceRequests.declares(method.get()) && !isMountTypeSource(method.get())) {
                throw new LimaConfigurationException("@LimaInstance on method " + method.get().getName()
                        + " works only together with @MountTypeSource; put it on the class instead");
            }
            return ConditionEvaluationResult.enabled("decided for the class");
        }
        if (context.getTestClass().isEmpty()) {
            return ConditionEvaluationResult.enabled("no VM of its own");
        }
        return ClassPlanner.of(context).condition();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassPlan plan = ClassPlanner.of(context);
        if (plan instanceof ClassPlan.Invalid invalid) {
            throw invalid.problems(); // before anything boots
        }
        if (plan instanceof ClassPlan.Runs runs && !runs.container()) {
            leaseFor(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        if (!RESOLVABLE.contains(parameter.getParameter().getType())) {
            return false;
        }
        // A @MountTypeSource invocation has its own VM (MountTypeInvocationResolver) and its own MountType argument.
        return context.getTestMethod().map(m -> !isMountTypeSource(m)).orElse(true)
                && (Leases.nearest(context).isPresent() || context.getTestClass().isPresent());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassLease lease = Leases.nearest(context).orElseGet(() -> leaseFor(classContext(context)));
        return InstanceParameters.resolve(parameter, context, lease.instance());
    }

    /**
     * Boots or reuses the class's VM once; also called from parameter resolution, because with
     * {@code @TestInstance(PER_CLASS)} the constructor is resolved before {@code beforeAll}, and from
     * {@link LimaVm#beforeEach}, because a class template's invocations get no {@code beforeAll} of their own.
     */
    static ClassLease leaseFor(ExtensionContext context) {
        return Leases.own(context).orElseGet(() -> Leases.computeIfAbsent(context,
                () -> InstancePool.lease(context, ClassPlanner.of(context).toBoot())));
    }

    /** The nearest context that is a class (or class template invocation), where the class's lease belongs. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    static boolean isMountTypeSource(Method method) {
        return AnnotationSupport.isAnnotated(method, MountTypeSource.class);
    }

    /** Fails a parameter that cannot be resolved with a message that says what to do. */
    static ParameterResolutionException cannotResolve(String message) {
        return new ParameterResolutionException(message);
    }
}
