package dev.limajunit.core.shell.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of an {@link SshGuestShell}; {@link #defaults()} fits OpenSSH's defaults.
 *
 * @param connectTimeout    TCP connect plus key exchange plus authentication
 * @param heartbeatInterval how often an idle session sends a keepalive request, so neither MINA's idle timeout
 *                          (10 min by default) nor a NAT in between closes it, and a dead server is noticed
 * @param idleTimeout       MINA closes a session that saw no traffic this long (heartbeats count as traffic)
 * @param maxSessions       channels open at once on the session: OpenSSH's {@code MaxSessions} (default 10).
 *                          One is kept back for ending timed-out commands, one is used by SFTP once it is used.
 */
public record SshShellOptions(Duration connectTimeout, Duration heartbeatInterval, Duration idleTimeout,
        int maxSessions) {

    public static final int OPENSSH_MAX_SESSIONS = 10;

    public SshShellOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (maxSessions < 3) {
            throw new IllegalArgumentException("maxSessions " + maxSessions
                    + " is too small: one channel is kept for ending commands and one for SFTP, so at least 3");
        }
        if (heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval + " must be positive");
        }
    }

    public static SshShellOptions defaults() {
        return new SshShellOptions(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMinutes(10),
                OPENSSH_MAX_SESSIONS);
    }

    public SshShellOptions withConnectTimeout(Duration value) {
        return new SshShellOptions(value, heartbeatInterval, idleTimeout, maxSessions);
    }

    public SshShellOptions withHeartbeat(Duration interval, Duration idle) {
        return new SshShellOptions(connectTimeout, interval, idle, maxSessions);
    }

    public SshShellOptions withMaxSessions(int value) {
        return new SshShellOptions(connectTimeout, heartbeatInterval, idleTimeout, value);
    }
}
