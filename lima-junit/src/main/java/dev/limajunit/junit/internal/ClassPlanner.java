package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaVm;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Computes a context's {@link ClassPlan} once and keeps it in that context's store, keyed by its unique id (a nested
 * class's store also sees its enclosing class's entries), as {@code ParameterizedClassExtension} keeps its
 * declaration context.
 */
final class ClassPlanner {

    private static final String INVALID = "the spec is invalid: the class fails before anything boots";

    private ClassPlanner() {
    }

    @SuppressWarnings("deprecation") // computeIfAbsent is 6.0+; getOrComputeIfAbsent works on 5.13 and 6.x
    static ClassPlan of(ExtensionContext context) {
        return context.getStore(LimaNamespace.NAMESPACE).getOrComputeIfAbsent(
                LimaNamespace.PLAN + ":" + context.getUniqueId(), key -> plan(context), ClassPlan.class);
    }

    private static ClassPlan plan(ExtensionContext context) {
        var watchProblems = WatchParameters.problems(context.getRequiredTestClass());
        if (watchProblems.isPresent()) {
            return new ClassPlan.Invalid("a watcher parameter is invalid: the class fails before anything boots",
                    watchProblems.get());
        }
        if (!needsOwnInstance(context)) {
            return new ClassPlan.NoOwnVm("no VM of its own");
        }
        InstanceRequest request;
        try {
            request = InstanceRequests.forClass(context);
        } catch (LimaConfigurationException e) { // the reader words every bad attribute; nothing more to decide
            return new ClassPlan.Invalid(INVALID, e);
        }
        LimaRun run = LimaRun.of(context);
        if (isTemplateContainer(context)) {
            return runsWhereEngine(run, request, true, engine -> "each mount type is decided per invocation");
        }
        MountType type = InstanceRequests.effectiveMountType(request, run.facts());
        Optional<String> excluded = run.settings().excludes(type);
        if (excluded.isPresent()) {
            return new ClassPlan.Skipped(request.origin() + ": " + excluded.get(), Optional.empty());
        }
        Optional<String> unsupported = new SpecResolver(run.facts()).unsupportedReason(request.spec());
        if (unsupported.isPresent()) {
            EngineChoice choice = run.settings().engineFor(request.engine());
            EngineSelection engine = run.engines().select(choice, request.template());
            String reason = request.origin() + ": " + unsupported.get();
            RequiredSupport require = run.settings().require();
            return new ClassPlan.Skipped(reason, engine.available()
                    ? require.mountTypeRequired(engine, type, reason)
                    : require.engineRequired(choice, request.origin() + ": " + engine.reason()));
        }
        Optional<LimaConfigurationException> problems = SpecValidation.problems(request, run.facts());
        if (problems.isPresent()) {
            return new ClassPlan.Invalid(INVALID, problems.get());
        }
        return runsWhereEngine(run, request, false, engine -> type + " runs here (" + engine + ")");
    }

    /** Runs when the engine can; else skips with the reason, or fails when {@code lima.require} names the engine. */
    private static ClassPlan runsWhereEngine(LimaRun run, InstanceRequest request, boolean container,
            UnaryOperator<String> enabled) {
        EngineChoice choice = run.settings().engineFor(request.engine());
        EngineSelection engine = run.engines().select(choice, request.template());
        if (engine.available()) {
            return new ClassPlan.Runs(request, engine, container, enabled.apply(engine.reason()));
        }
        String reason = request.origin() + ": " + engine.reason();
        return new ClassPlan.Skipped(reason, run.settings().require().engineRequired(choice, reason));
    }

    /**
     * A class needs its own VM unless it is a nested class without its own {@link LimaInstance} or {@link LimaVm}
     * field inside a class that has one: then it uses its enclosing class's.
     */
    private static boolean needsOwnInstance(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        boolean enclosingLease = context.getParent().flatMap(Leases::nearest).isPresent();
        return !enclosingLease || InstanceRequests.declares(testClass);
    }

    /** The {@link ForEachMountType} container itself, as opposed to one of its invocations. */
    static boolean isTemplateContainer(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), ForEachMountType.class)
                && context.getStore(LimaNamespace.NAMESPACE).get(LimaNamespace.TEMPLATE_MOUNT_TYPE) == null;
    }
}
