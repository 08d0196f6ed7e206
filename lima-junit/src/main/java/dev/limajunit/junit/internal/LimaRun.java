package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.core.engine.EngineSelector;
import dev.limajunit.core.engine.standard.StandardEngines;
import dev.limajunit.core.host.HostFacts;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every class of one test run shares: the settings, the engine selector, the host's facts and the gate that
 * bounds parallel boots. Lives once in the root store.
 */
final class LimaRun {

    private final LimaSettings settings;
    private final EngineSelector engines;
    private final Semaphore bootGate;
    private volatile HostFacts facts;
    private final AtomicBoolean reuseRefusalTold = new AtomicBoolean();

    private LimaRun(LimaSettings settings, EngineSelector engines) {
        this.settings = settings;
        this.engines = engines;
        this.bootGate = new Semaphore(settings.maxParallelBoots(), true);
    }

    /** This run's shared state, created on first use from the root context's configuration. */
    @SuppressWarnings("deprecation") // computeIfAbsent is 6.0+; getOrComputeIfAbsent works on 5.13 and 6.x
    static LimaRun of(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(LimaNamespace.NAMESPACE).getOrComputeIfAbsent(LimaRun.class,
                type -> new LimaRun(LimaSettings.read(root::getConfigurationParameter, System.getenv()),
                        StandardEngines.selector()),
                LimaRun.class);
    }

    LimaSettings settings() {
        return settings;
    }

    EngineSelector engines() {
        return engines;
    }

    /** The engine for a request, as {@code lima.engine} and the request choose it on this host. */
    EngineSelection select(InstanceRequest request) {
        return engines.select(settings.engineFor(request.engine()), request.template());
    }

    Semaphore bootGate() {
        return bootGate;
    }

    /** True the first time only: why lima.reuse cannot work with an engine is said once per run, not per VM. */
    boolean firstReuseRefusal() {
        return reuseRefusalTold.compareAndSet(false, true);
    }

    /** The host's facts, probed once per JVM on first use (probing may take a few seconds). */
    HostFacts facts() {
        HostFacts known = facts;
        if (known == null) {
            known = HostFacts.current();
            facts = known;
        }
        return known;
    }
}
