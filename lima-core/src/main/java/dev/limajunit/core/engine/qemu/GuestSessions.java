package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import dev.limajunit.core.shell.ssh.SshShellOptions;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The SSH sessions one start opens to its launched guest: each checks the guest's host key, says so when QEMU has
 * died ({@link VmExitAwareShell}), and is in {@link StartedParts}, so that a failed start closes it.
 */
final class GuestSessions {

    /** The guest's sshd accepts this many sessions; the shell may open as many channels at once. */
    private static final int MAX_SESSIONS = 64;

    private final int sshPort;
    private final Path clientKey;
    private final HostKeyPolicy hostKey;
    private final QemuExit exit;
    private final StartDeadline deadline;
    private final StartedParts started;

    GuestSessions(int sshPort, Path clientKey, HostKeyPolicy hostKey, QemuExit exit, StartDeadline deadline,
                  StartedParts started) {
        this.sshPort = sshPort;
        this.clientKey = clientKey;
        this.hostKey = hostKey;
        this.exit = exit;
        this.deadline = deadline;
        this.started = started;
    }

    /** {@code user} logging in with this instance's own key. */
    SshTarget target(String user) {
        return target(user, clientKey);
    }

    SshTarget target(String user, Path key) {
        return new SshTarget("127.0.0.1", sshPort, user, key, hostKey);
    }

    /** A session on which {@code first} has run: a round trip less than opening it and running a command after. */
    GuestShell open(SshTarget target, Command first) {
        GuestShell shell = openUnlisted(target, first);
        started.add(shell);
        return shell;
    }

    /** A session opened on another thread; a failed start waits for it and closes it with everything else. */
    CompletableFuture<GuestShell> openInBackground(SshTarget target) {
        CompletableFuture<GuestShell> session = CompletableFuture.supplyAsync(() -> openUnlisted(target,
                Command.of("true")));
        started.add(() -> {
            GuestShell opened = session.handle((value, error) -> value).join();
            if (opened != null) {
                opened.close();
            }
        });
        return session;
    }

    /** The session {@link #openInBackground} opens, once it is open; its failure as it was thrown. */
    static GuestShell join(CompletableFuture<GuestShell> session) {
        try {
            return session.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private GuestShell openUnlisted(SshTarget target, Command first) {
        GuestShell shell = new VmExitAwareShell(SshGuestShell.connect(target, SshShellOptions.defaults()
                .withConnectTimeout(deadline.remaining()).withMaxSessions(MAX_SESSIONS)), exit);
        try {
            shell.execChecked(first);
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
        return shell;
    }
}
