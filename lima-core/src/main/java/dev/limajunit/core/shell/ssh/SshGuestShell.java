package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestFiles;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.GuestTimeoutException;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.RunningCommand;
import dev.limajunit.core.shell.SshTarget;
import dev.limajunit.core.shell.StreamingCommand;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * {@link GuestShell} over Apache MINA SSHD: one {@code SshClient} and one kept {@code ClientSession} per shell,
 * one exec channel per command, SFTP for files.
 *
 * <ul>
 *   <li>argv is quoted for the guest's POSIX shell; environment, working directory and user are set by
 *       wrapping the command line ({@link RemoteCommandLine}).</li>
 *   <li>A timeout or {@code close()} ends the remote processes, not just the channel ({@link RemoteKillScript}).</li>
 *   <li>At most {@link SshShellOptions#maxSessions()} channels at once; more callers wait their turn.</li>
 *   <li>A heartbeat keeps an idle session alive; a dropped session is reconnected once, transparently.</li>
 * </ul>
 */
public final class SshGuestShell implements GuestShell {

    private final SshConnector connector;
    private final ReconnectingSession session;
    private final SshChannels channels;
    private final SftpGuestFiles files;

    private SshGuestShell(SshConnector connector, ReconnectingSession session, ChannelSlots slots) {
        this.connector = connector;
        this.session = session;
        this.channels = new SshChannels(session, slots);
        this.files = new SftpGuestFiles(session, slots);
    }

    /** Connects and authenticates; throws {@link dev.limajunit.core.shell.GuestShellException} with the reason. */
    public static SshGuestShell connect(SshTarget target, Duration connectTimeout) {
        return connect(target, SshShellOptions.defaults().withConnectTimeout(connectTimeout));
    }

    public static SshGuestShell connect(SshTarget target, SshShellOptions options) {
        SshConnector connector = new SshConnector(target, options);
        try {
            return new SshGuestShell(connector, new ReconnectingSession(connector),
                    new ChannelSlots(options.maxSessions()));
        } catch (RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    @Override
    public ExecResult exec(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try (SshRemoteProcess process = channels.start(command, out, err)) {
            process.sendStdinAndClose(command.stdin());
            OptionalInt exit = process.waitFor(command.timeout());
            if (exit.isEmpty()) {
                GuestTimeoutException timeout = new GuestTimeoutException(command.toString(), command.timeout());
                try {
                    process.close();
                } catch (RuntimeException e) {
                    timeout.addSuppressed(e); // the timeout is the news; a failed kill is its footnote
                }
                throw timeout;
            }
            return new ExecResult(command.toString(), exit.getAsInt(), out.toByteArray(), err.toByteArray(),
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public RunningCommand start(Command command) {
        SshRemoteProcess process = channels.start(command, null, null);
        byte[] stdin = command.stdin();
        if (stdin != null) {
            process.sendStdinAndClose(stdin);
        }
        return process;
    }

    @Override
    public StreamingCommand stream(Command command, OutputListener listener) {
        return SshStreamingCommand.start(channels, command, listener);
    }

    @Override
    public GuestFiles files() {
        return files;
    }

    /** How often the session dropped and was replaced (for diagnostics and tests). */
    public int reconnects() {
        return session.reconnects();
    }

    /** Whether the kept session is open right now (a dropped one is replaced on the next use). */
    public boolean isConnected() {
        return session.isOpen();
    }

    @Override
    public void close() {
        try {
            files.close();
            session.close();
        } finally {
            connector.close();
        }
    }
}
