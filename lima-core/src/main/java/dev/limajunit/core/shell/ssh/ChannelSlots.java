package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestShellException;

import java.util.concurrent.Semaphore;

/**
 * Bounds the channels open at once to what the server allows (OpenSSH {@code MaxSessions}, 10 by default);
 * callers beyond that wait in arrival order. One slot is held back for the channel that ends a timed-out
 * command: OpenSSH keeps a session slot until its process exits, so ending processes must never wait behind
 * the very commands it is meant to end.
 */
final class ChannelSlots {

    private final Semaphore commands;
    private final Semaphore killer = new Semaphore(1, true);

    ChannelSlots(int maxSessions) {
        this.commands = new Semaphore(maxSessions - 1, true);
    }

    /** Waits for a command slot; release it with {@link #releaseCommand()}. */
    void acquireCommand() {
        acquire(commands);
    }

    void releaseCommand() {
        commands.release();
    }

    void acquireKiller() {
        acquire(killer);
    }

    void releaseKiller() {
        killer.release();
    }

    private static void acquire(Semaphore semaphore) {
        try {
            semaphore.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestShellException("interrupted while waiting for a free SSH channel", e);
        }
    }
}
