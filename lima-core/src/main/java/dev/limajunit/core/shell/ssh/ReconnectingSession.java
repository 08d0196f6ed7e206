package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestShellException;

import org.apache.sshd.client.session.ClientSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one kept {@link ClientSession}. When it has dropped, the next user gets one transparent reconnect; if
 * that fails, a clear error that says the session was lost and why the reconnect failed. Commands that were
 * running when it dropped are not repeated (they may not be idempotent): they fail.
 */
final class ReconnectingSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSession.class);

    private final SshConnector connector;
    private final AtomicInteger reconnects = new AtomicInteger();
    private ClientSession session;
    private boolean closed;

    ReconnectingSession(SshConnector connector) {
        this.connector = connector;
        this.session = connector.connect();
    }

    /** The open session, reconnecting once if it dropped. */
    synchronized ClientSession get() {
        if (closed) {
            throw new GuestShellException("the guest shell for " + connector.describe() + " is closed");
        }
        if (session.isOpen() && !session.isClosing()) {
            return session;
        }
        return reconnect(session);
    }

    /**
     * Replaces {@code broken} unless another thread did so already.
     */
    synchronized ClientSession reconnect(ClientSession broken) {
        if (closed) {
            throw new GuestShellException("the guest shell for " + connector.describe() + " is closed");
        }
        if (session != broken && session.isOpen()) {
            return session;
        }
        broken.close(true);
        LOG.warn("SSH session to {} dropped; reconnecting once", connector.describe());
        try {
            session = connector.connect();
        } catch (GuestShellException e) {
            throw new GuestShellException("the SSH session to " + connector.describe()
                    + " dropped and one reconnect failed: " + e.getMessage(), e);
        }
        reconnects.incrementAndGet();
        return session;
    }

    synchronized boolean isOpen() {
        return !closed && session.isOpen() && !session.isClosing();
    }

    /** How often the session was replaced after dropping. */
    int reconnects() {
        return reconnects.get();
    }

    String describe() {
        return connector.describe();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        session.close(true);
    }
}
