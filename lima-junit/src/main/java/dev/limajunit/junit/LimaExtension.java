package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
final class LimaExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {

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
        if (context.getTestClass().isPresent() && WatchParameters.problems(context.getRequiredTestClass()).isPresent()) {
            return ConditionEvaluationResult.enabled("a watcher parameter is invalid: the class fails before anything boots");
        }
        if (context.getTestClass().isEmpty() || !needsOwnInstance(context)) {
            return ConditionEvaluationResult.enabled("no VM of its own");
        }
        InstanceRequest request;
        try {
            request = InstanceRequests.forClass(context);
        } catch (LimaConfigurationException e) {
            return ConditionEvaluationResult.enabled("the spec is invalid: the class fails before anything boots");
        }
        LimaRun run = LimaRun.of(context);
        if (isTemplateContainer(context)) {
            return templateCondition(run, request);
        }
        MountType type = InstanceRequests.effectiveMountType(request, run.facts());
        Optional<String> excluded = run.settings().excludes(type);
        if (excluded.isPresent()) {
            return ConditionEvaluationResult.disabled(request.origin() + ": " + excluded.get());
        }
        EngineChoice choice = run.settings().engineFor(request.engine());
        EngineSelection engine = run.engines().select(choice, request.template());
        Optional<String> unsupported = new SpecResolver(run.facts()).unsupportedReason(request.spec());
        if (unsupported.isPresent()) {
            String reason = request.origin() + ": " + unsupported.get();
            if (engine.available()) {
                run.settings().require().failIfMountTypeRequired(engine, type, reason);
            } else {
                run.settings().require().failIfEngineRequired(choice, request.origin() + ": " + engine.reason());
            }
            return ConditionEvaluationResult.disabled(reason);
        }
        if (SpecValidation.problems(request, run.facts()).isPresent()) {
            // Fails in beforeAll with every broken rule, before anything boots; never hidden by a skip.
            return ConditionEvaluationResult.enabled("the spec is invalid: the class fails before anything boots");
        }
        return engineCondition(run, choice, engine, request, type + " runs here (" + engine.reason() + ")");
    }

    /** The template container runs when an engine can; each mount type is decided when invocations are provided. */
    private static ConditionEvaluationResult templateCondition(LimaRun run, InstanceRequest request) {
        EngineChoice choice = run.settings().engineFor(request.engine());
        EngineSelection engine = run.engines().select(choice, request.template());
        return engineCondition(run, choice, engine, request, "each mount type is decided per invocation");
    }

    /** Runs when the engine can; else skips with the reason, or fails when {@code lima.require} names the engine. */
    private static ConditionEvaluationResult engineCondition(LimaRun run, EngineChoice choice, EngineSelection engine,
            InstanceRequest request, String enabled) {
        if (engine.available()) {
            return ConditionEvaluationResult.enabled(enabled);
        }
        String reason = request.origin() + ": " + engine.reason();
        run.settings().require().failIfEngineRequired(choice, reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<LimaConfigurationException> watchProblems = WatchParameters.problems(context.getRequiredTestClass());
        if (watchProblems.isPresent()) {
            throw watchProblems.get(); // before anything boots
        }
        if (needsOwnInstance(context) && !isTemplateContainer(context)) {
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
        synchronized (context) {
            Optional<ClassLease> own = Leases.own(context);
            if (own.isPresent()) {
                return own.get();
            }
            ClassLease lease = InstancePool.lease(context, InstanceRequests.forClass(context));
            Leases.put(context, lease);
            return lease;
        }
    }

    /** The nearest context that is a class (or class template invocation), where the class's lease belongs. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /**
     * A class needs its own VM unless it is a nested class without its own {@link LimaInstance} or {@link LimaVm}
     * field inside a class that has one: then it uses its enclosing class's.
     */
    private static boolean needsOwnInstance(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (InstanceRequests.declares(testClass) || AnnotationSupport.isAnnotated(testClass, ForEachMountType.class)) {
            return context.getParent().flatMap(Leases::nearest).isEmpty() || InstanceRequests.declares(testClass);
        }
        return context.getParent().flatMap(Leases::nearest).isEmpty();
    }

    /** The {@link ForEachMountType} container itself, as opposed to one of its invocations. */
    private static boolean isTemplateContainer(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), ForEachMountType.class)
                && context.getStore(LimaNamespace.NAMESPACE).get(LimaNamespace.TEMPLATE_MOUNT_TYPE) == null;
    }

    static boolean isMountTypeSource(Method method) {
        return AnnotationSupport.isAnnotated(method, MountTypeSource.class);
    }

    /** Fails a parameter that cannot be resolved with a message that says what to do. */
    static ParameterResolutionException cannotResolve(String message) {
        return new ParameterResolutionException(message);
    }
}
