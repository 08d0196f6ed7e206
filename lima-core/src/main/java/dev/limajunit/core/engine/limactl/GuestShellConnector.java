package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.SshTarget;
import java.time.Duration;

/** Opens the guest shell on the SSH port Lima forwarded. */
@FunctionalInterface
public interface GuestShellConnector {

    /** Connects, retrying until {@code timeout} while the guest's sshd is not yet answering. */
    GuestShell connect(SshTarget target, Duration timeout);
}
