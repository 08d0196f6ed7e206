package dev.limajunit.core.process;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the processes that runs which died left behind (their watchdog could not run, e.g. the machine was under
 * memory pressure and the OOM killer took both): every marked process whose owning JVM is no longer alive. Processes
 * of live runs (other test JVMs on this machine) and processes without an owner marker are never touched.
 */
final class LeftoverSweep {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverSweep.class);

    private LeftoverSweep() {
    }

    /** Kills the leftovers of dead runs; returns what it killed. */
    public static List<MarkedProcess> run() {
        List<MarkedProcess> killed = new ArrayList<>();
        if (!MarkedProcesses.supported()) {
            return killed;
        }
        String current = RunSession.id();
        for (MarkedProcess process : MarkedProcesses.all()) {
            boolean deadOwner = process.owner().map(owner -> !owner.isAlive()).orElse(false);
            if (!deadOwner || process.session().equals(current)) {
                continue;
            }
            LOG.warn("Killing {} left behind by the dead run {} (owner pid {})", process, process.session(),
                    process.owner().get().pid());
            ProcessHandle.of(process.pid()).ifPresent(handle -> {
                handle.destroyForcibly();
                killed.add(process);
            });
        }
        return killed;
    }
}
