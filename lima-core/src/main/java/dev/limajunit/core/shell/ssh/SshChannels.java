package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShellException;

import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.channel.exception.SshChannelOpenException;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;

/**
 * Opens one exec channel per command on the kept session, within the server's channel limit, and ends
 * remote processes when asked.
 */
final class SshChannels {

    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REFUSED_RETRY = Duration.ofSeconds(10);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReconnectingSession session;
    private final ChannelSlots slots;

    SshChannels(ReconnectingSession session, ChannelSlots slots) {
        this.session = session;
        this.slots = slots;
    }

    /**
     * Starts {@code command}. Output goes to {@code out}/{@code err}, or, when they are null, to the returned
     * process's raw input streams.
     */
    SshRemoteProcess start(Command command, OutputStream out, OutputStream err) {
        String token = newToken();
        String line = RemoteCommandLine.build(command, token);
        slots.acquireCommand();
        try {
            ChannelExec channel = open(line, out, err);
            return new SshRemoteProcess(this, channel, command, token);
        } catch (RuntimeException e) {
            slots.releaseCommand();
            throw e;
        }
    }

    /** Opens an exec channel; when the session turns out to have dropped, reconnects once and tries again. */
    private ChannelExec open(String line, OutputStream out, OutputStream err) {
        ClientSession current = session.get();
        try {
            return open(current, line, out, err);
        } catch (IOException | RuntimeException first) {
            if (current.isOpen() && !current.isClosing()) {
                throw new GuestShellException("cannot open an SSH channel on " + session.describe() + ": " + first,
                        first);
            }
            ClientSession fresh = session.reconnect(current);
            try {
                return open(fresh, line, out, err);
            } catch (IOException | RuntimeException second) {
                throw new GuestShellException("cannot open an SSH channel on " + session.describe()
                        + " after reconnecting: " + second, second);
            }
        }
    }

    /**
     * Opens a channel, retrying for a while when the server refuses it: OpenSSH frees a session slot only after
     * it has processed the closing of the previous channel, so an open sent right behind a close can find the
     * slot still taken even though we are within {@code MaxSessions}.
     */
    private static ChannelExec open(ClientSession session, String line, OutputStream out, OutputStream err)
            throws IOException {
        long deadline = System.nanoTime() + REFUSED_RETRY.toNanos();
        long backoffMillis = 5;
        while (true) {
            try {
                return openOnce(session, line, out, err);
            } catch (IOException e) {
                if (!refused(e) || System.nanoTime() > deadline || !session.isOpen()) {
                    throw e;
                }
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GuestShellException("interrupted while opening an SSH channel", e);
            }
            backoffMillis = Math.min(backoffMillis * 2, 200);
        }
    }

    private static boolean refused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SshChannelOpenException) {
                return true;
            }
        }
        return false;
    }

    private static ChannelExec openOnce(ClientSession session, String line, OutputStream out, OutputStream err)
            throws IOException {
        ChannelExec channel = session.createExecChannel(line);
        if (out != null) {
            channel.setOut(out);
        }
        if (err != null) {
            channel.setErr(err);
        }
        try {
            channel.open().verify(OPEN_TIMEOUT);
        } catch (IOException | RuntimeException e) {
            channel.close(true);
            throw e;
        }
        return channel;
    }

    void release(SshRemoteProcess process) {
        slots.releaseCommand();
    }

    /** Ends every guest process of the command with {@code token} (see {@link RemoteKillScript}). */
    void kill(String token, String user) {
        Command killer = Command.shell(RemoteKillScript.forToken(token));
        if (user != null) {
            killer.asUser(user);
        }
        String line = RemoteCommandLine.build(killer, newToken());
        slots.acquireKiller();
        try {
            ChannelExec channel = open(line, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
            try {
                channel.getInvertedIn().close();
                channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), KILL_TIMEOUT);
            } finally {
                channel.close(true);
            }
        } catch (IOException e) {
            throw new GuestShellException("could not end a guest command on " + session.describe() + ": " + e, e);
        } finally {
            slots.releaseKiller();
        }
    }

    String describe() {
        return session.describe();
    }

    private static String newToken() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
