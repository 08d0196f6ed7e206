package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.engine.support.BootPhases;
import dev.limajunit.core.shell.HostKeyPolicy;
import java.nio.file.Path;

/**
 * What every step of one start shares: the instance's name and directory, its serial console and QEMU's stderr, the
 * phase clock, the deadline, what has been started so far, and who logs in with which keys.
 *
 * @param clientKey this instance's private SSH key (its public half is in the guest's login)
 * @param hostKey   the guest kit's SSH host key, checked on every session
 * @param user      the user tests act as
 */
record BootContext(String instance, Path dir, SerialConsole serial, Path qemuStderr, BootPhases phases,
                   StartDeadline deadline, StartedParts started, Path clientKey, HostKeyPolicy hostKey,
                   GuestUser user) {

    /** "instance NAME (qemu engine)", how messages name a start. */
    static String who(String instance) {
        return "instance " + instance + " (qemu engine)";
    }

    String who() {
        return who(instance);
    }

    /** Starts this instance's QEMU, its logs beside the serial log, in {@link #started}. */
    QemuLauncher launcher() {
        return new QemuLauncher(instance, dir, serial, qemuStderr, started);
    }

    /** The sessions to this launched QEMU's guest. */
    GuestSessions sessions(LaunchedQemu qemu) {
        return new GuestSessions(qemu.sshPort(), clientKey, hostKey, new QemuExit(instance, qemu.process(), serial),
                deadline, started);
    }
}
