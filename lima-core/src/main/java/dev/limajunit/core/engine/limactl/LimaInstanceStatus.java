package dev.limajunit.core.engine.limactl;

import java.nio.file.Path;
import java.util.List;

/**
 * One line of {@code limactl list --json}: the fields this engine reads of Lima's instance record.
 *
 * @param name         instance name
 * @param status       {@code Running}, {@code Stopped}, {@code Broken}, ... as Lima spells it
 * @param dir          the instance directory ({@code $LIMA_HOME/NAME}); {@code null} when Lima gave none
 * @param vmType       {@code qemu}, {@code vz}, ...
 * @param sshLocalPort the host port forwarded to the guest's sshd; 0 while not running
 * @param sshAddress   the address that port listens on (127.0.0.1 unless configured otherwise)
 * @param hostAgentPid the host agent's process id; 0 when none runs
 * @param errors       configuration errors Lima reports for the instance
 * @param guestUser    the guest user of the instance's effective config ({@code config.user.name}); {@code null}
 *                     when Lima does not report it (before 1.0), and then it is the host user's name
 */
record LimaInstanceStatus(
        String name,
        String status,
        Path dir,
        String vmType,
        int sshLocalPort,
        String sshAddress,
        long hostAgentPid,
        List<String> errors,
        String guestUser) {

    public static final String RUNNING = "Running";

    public LimaInstanceStatus {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public boolean running() {
        return RUNNING.equals(status);
    }
}
