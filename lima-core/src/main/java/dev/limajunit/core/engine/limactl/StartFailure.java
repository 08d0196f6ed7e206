package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.engine.InstanceStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Builds the error of a failed start: what failed, the limactl command and its stderr, and the tails of the
 * instance's host agent and serial logs, which are also copied out before the instance is deleted.
 */
final class StartFailure {

    private static final String ROOT_MESSAGE = "must not run as the root user";

    private StartFailure() {
    }

    /** Why {@code limactl start} failed, in words, from its exit and its stderr. */
    static String classify(LimactlResult start, Duration startTimeout) {
        String err = start.stderr();
        if (err.contains(ROOT_MESSAGE)) {
            return rootExplanation();
        }
        if (err.contains("DEGRADED") || err.contains("degraded, status=")) {
            return "Lima reports the instance DEGRADED: the VM runs, but a mount or port forward failed "
                    + "(for reverse-sshfs, see the sshfs lines of ha.stderr.log)";
        }
        if (start.timedOut() || err.contains("did not receive an event with the")
                || err.contains("context deadline exceeded")) {
            return "the instance did not become ready within the start timeout of " + startTimeout.toSeconds()
                    + " s (raise it with -Dlima.startTimeoutFactor=N on slow hosts); it was stopped with "
                    + "`limactl stop -f` so that no host agent is left running";
        }
        return "`limactl start` exited with status " + start.exitCode();
    }

    static boolean isRootRefusal(LimactlResult result) {
        return result.stderr().contains(ROOT_MESSAGE);
    }

    static String rootExplanation() {
        return "limactl refuses to run as the root user (Lima: \"" + ROOT_MESSAGE + "\"); run the tests as an "
                + "ordinary user, set lima.limactl.user to an unprivileged account for limactl (bin/install-lima"
                + " makes one), or use engine=qemu, which runs as root";
    }

    static InstanceStartException of(String name, String reason, LimactlResult command, InstanceLogs logs,
            Path keptLogs) {
        StringBuilder message = new StringBuilder();
        message.append("limactl engine: instance \"").append(name).append("\" failed to start: ").append(reason);
        if (command != null) {
            message.append("\ncommand: ").append(command.commandLine())
                    .append(command.timedOut() ? " (killed after " : " (exit " + command.exitCode() + " after ")
                    .append(command.took().toMillis()).append(" ms)");
            String tail = command.stderrTail(InstanceLogs.TAIL_LINES);
            if (!tail.isEmpty()) {
                message.append("\n--- limactl stderr (last lines) ---\n").append(tail);
            }
        }
        if (logs != null) {
            message.append(logs.tails());
        }
        if (keptLogs != null) {
            message.append("\nThe instance's logs are kept in ").append(keptLogs);
        }
        return new InstanceStartException(message.toString());
    }

    /** Copies the instance's diagnostic files to {@code target}; returns it, or null when there was nothing. */
    static Path keepLogs(InstanceLogs logs, Path target) {
        Map<String, Path> files = logs.existingFiles();
        if (files.isEmpty()) {
            return null;
        }
        try {
            Files.createDirectories(target);
            for (Map.Entry<String, Path> file : files.entrySet()) {
                Files.copy(file.getValue(), target.resolve(file.getKey()), StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            return null;
        }
    }
}
