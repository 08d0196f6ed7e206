package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.RunningCommand;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One guest command on its own exec channel. Closing it ends the remote process (a channel close alone
 * would leave it running) and gives the channel slot back.
 */
final class SshRemoteProcess implements RunningCommand {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /** Exit codes the way a shell reports a process killed by a signal: 128 + the signal number. */
    private static final Map<String, Integer> SIGNALS = Map.ofEntries(
            Map.entry("HUP", 1), Map.entry("INT", 2), Map.entry("QUIT", 3), Map.entry("ILL", 4),
            Map.entry("ABRT", 6), Map.entry("FPE", 8), Map.entry("KILL", 9), Map.entry("USR1", 10),
            Map.entry("SEGV", 11), Map.entry("USR2", 12), Map.entry("PIPE", 13), Map.entry("ALRM", 14),
            Map.entry("TERM", 15));

    private final SshChannels channels;
    private final ChannelExec channel;
    private final Command command;
    private final String token;
    private final AtomicBoolean closed = new AtomicBoolean();
    private OutputStream stdin;

    SshRemoteProcess(SshChannels channels, ChannelExec channel, Command command, String token) {
        this.channels = channels;
        this.channel = channel;
        this.command = command;
        this.token = token;
    }

    /** Writes {@code bytes} (if any) to the command's stdin and then signals end of input. */
    void sendStdinAndClose(byte[] bytes) {
        try (OutputStream in = stdin()) {
            if (bytes != null) {
                in.write(bytes);
            }
        } catch (IOException e) {
            if (channel.isOpen()) {
                throw new GuestShellException("could not send stdin to guest command " + command + ": " + e, e);
            }
            // The command ended before reading all of its input; its exit status tells the rest.
        }
    }

    @Override
    public synchronized OutputStream stdin() {
        if (stdin == null) {
            stdin = new FlushingOutputStream(channel.getInvertedIn());
        }
        return stdin;
    }

    @Override
    public InputStream stdout() {
        return channel.getInvertedOut();
    }

    @Override
    public InputStream stderr() {
        return channel.getInvertedErr();
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
        if (!events.contains(ClientChannelEvent.CLOSED)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(exitCode());
    }

    /** The exit code of a finished command; throws when the session dropped before the server sent it. */
    int exitCode() {
        Integer status = channel.getExitStatus();
        if (status != null) {
            return status;
        }
        String signal = channel.getExitSignal();
        if (signal != null) {
            return 128 + SIGNALS.getOrDefault(signal, 0);
        }
        throw new GuestShellException("the SSH session to " + channels.describe() + " closed while \"" + command
                + "\" was running; its exit status never arrived (server or guest gone?)");
    }

    @Override
    public boolean isRunning() {
        return !channel.isClosing() && !channel.isClosed();
    }

    /** Runs {@code action} once the channel is closed (at once if it already is). */
    void onClosed(Runnable action) {
        channel.addCloseFutureListener(future -> action.run());
    }

    String commandText() {
        return command.toString();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (isRunning()) {
                channels.kill(token, command.user());
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), CLOSE_WAIT);
            }
        } finally {
            channel.close(true);
            channels.release(this);
        }
    }

    /** Ours adds no buffering: every write reaches the channel at once (sshfs -o slave waits for each reply). */
    private static final class FlushingOutputStream extends OutputStream {
        private final OutputStream out;

        FlushingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            out.flush();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            out.flush();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
