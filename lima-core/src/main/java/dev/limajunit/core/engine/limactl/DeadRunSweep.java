package dev.limajunit.core.engine.limactl;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the instances that runs which died left behind: every instance whose name carries a session id
 * ({@code lj-SESSION-...}) of a run that is no longer alive. Instances of live runs and instances that are not ours
 * are never touched, nor instances kept for reuse ({@code ljreuse-...}): their names carry no session.
 */
final class DeadRunSweep {

    private static final Logger LOG = LoggerFactory.getLogger(DeadRunSweep.class);

    private DeadRunSweep() {
    }

    /** The names it deleted. */
    static List<String> run(LimactlCommands commands, RunLiveness liveness) {
        List<String> deleted = new ArrayList<>();
        for (LimaInstanceStatus instance : commands.listAll()) {
            String session = InstanceNames.sessionOf(instance.name()).orElse(null);
            if (session == null || liveness.isAlive(session)) {
                continue;
            }
            LOG.info("Deleting Lima instance {} left by the dead run {}", instance.name(), session);
            if (instance.running() || instance.hostAgentPid() > 0) {
                commands.stopForce(instance.name());
            }
            LimactlResult delete = commands.deleteForce(instance.name());
            if (delete.succeeded()) {
                deleted.add(instance.name());
            } else {
                LOG.warn("Could not delete the leftover instance {}: {}", instance.name(), delete.stderrTail(5));
            }
        }
        return deleted;
    }
}
