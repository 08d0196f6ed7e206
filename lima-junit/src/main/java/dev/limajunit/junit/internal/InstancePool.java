package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.EngineSelection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands out VMs: a shared request gets the one {@link PooledInstance} for its key in the root store (so every class
 * of the run with that spec uses one VM, stopped when the run ends); an unshared request gets its own, stored in the
 * requesting context (stopped when that class or invocation ends). Publishes {@code lima.booted} /
 * {@code lima.reused} report entries so a run's boots can be counted, and {@code lima.reuse.ignored} once when
 * {@code lima.reuse} cannot work with the engine.
 */
final class InstancePool {


    private static final AtomicInteger UNSHARED = new AtomicInteger();

    private InstancePool() {
    }

    /** Boots (or reuses) the VM a class's plan asks for, with the engine the plan chose. */
    static ClassLease lease(ExtensionContext context, ClassPlan.Runs plan) {
        return lease(context, plan.request(), plan.engine());
    }

    /**
     * Boots (or reuses) the VM for {@code request} with {@code engine} (chosen by the caller's decision, available)
     * on behalf of {@code context} and reports which it was.
     */
    @SuppressWarnings("deprecation") // computeIfAbsent is 6.0+; getOrComputeIfAbsent works on 5.13 and 6.x
    static ClassLease lease(ExtensionContext context, InstanceRequest request, EngineSelection engine) {
        LimaRun run = LimaRun.of(context);
        PooledInstance pooled;
        if (request.shared()) {
            Store root = context.getRoot().getStore(LimaNamespace.NAMESPACE);
            pooled = root.getOrComputeIfAbsent(LimaNamespace.instanceKey(request.key()),
                    key -> new PooledInstance(request, engine, run, request.key()), PooledInstance.class);
        } else {
            pooled = new PooledInstance(request, engine, run, request.key() + "-" + UNSHARED.incrementAndGet());
            context.getStore(LimaNamespace.NAMESPACE).put(LimaNamespace.instanceKey(request.key()) + ":own", pooled);
        }
        PooledInstance.Acquired acquired = pooled.acquire();
        if (acquired.bootedNow()) {
            context.publishReportEntry(Map.of(LimaKeys.BOOTED, acquired.instance().name() + " (" + acquired.instance()
                    .engineName()
                    + ", " + acquired.instance().spec().mountType() + ", " + BootLog.seconds(acquired.took().toMillis())
                    + ", phases " + acquired.instance().bootPhases() + ")"));
        } else {
            context.publishReportEntry(Map.of(LimaKeys.REUSED, acquired.instance().name()));
        }
        if (acquired.notice() != null) {
            context.publishReportEntry(Map.of(LimaKeys.REUSE_IGNORED, acquired.notice()));
        }
        return new ClassLease(pooled, acquired.instance());
    }
}
