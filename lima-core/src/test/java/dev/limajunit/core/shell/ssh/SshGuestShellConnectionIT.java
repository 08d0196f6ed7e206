package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Connecting, authenticating, host keys, and what happens when the server goes away. Each test has its own sshd. */
class SshGuestShellConnectionIT {

    private LocalSshd sshd;

    @BeforeEach
    void startSshd() {
        sshd = LocalSshd.start();
    }

    @AfterEach
    void stopSshd() {
        sshd.close();
    }

    private SshTarget target(Path key, HostKeyPolicy hostKeys) {
        return new SshTarget("127.0.0.1", sshd.port(), LocalSshd.currentUser(), key, hostKeys);
    }

    @Test
    void rsaKeyWorksToo() {
        try (SshGuestShell shell = SshGuestShell.connect(
                target(sshd.rsaUserKey(), HostKeyPolicy.expect(sshd.hostPublicKey())), Duration.ofSeconds(20))) {
            assertThat(shell.execChecked("echo", "rsa").stdoutText()).isEqualTo("rsa\n");
        }
    }

    @Test
    void acceptAnyHostKeyOnLoopback() {
        try (SshGuestShell shell = SshGuestShell.connect(
                target(sshd.userKey(), HostKeyPolicy.acceptAnyOnLoopback()), Duration.ofSeconds(20))) {
            assertThat(shell.execChecked("true").exitCode()).isZero();
        }
    }

    @Test
    void acceptAnyHostKeyIsRefusedForANonLoopbackHost() {
        SshTarget remote = new SshTarget("192.0.2.10", 22, "root", sshd.userKey(), HostKeyPolicy.acceptAnyOnLoopback());

        assertThatThrownBy(() -> SshGuestShell.connect(remote, Duration.ofSeconds(5)))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("AcceptAnyOnLoopback")
                .hasMessageContaining("192.0.2.10");
    }

    @Test
    void aWrongHostKeyIsRefusedWithBothFingerprints() {
        Path other = sshd.otherHostPublicKey();

        assertThatThrownBy(() -> SshGuestShell.connect(target(sshd.userKey(), HostKeyPolicy.expect(other)),
                Duration.ofSeconds(20)))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("host key")
                .hasMessageContaining(other.toString())
                .hasMessageContaining("SHA256:");
    }

    @Test
    void aWrongKeyIsAClearAuthenticationError() {
        Path wrong = sshd.unauthorizedKey();

        assertThatThrownBy(() -> SshGuestShell.connect(target(wrong, HostKeyPolicy.expect(sshd.hostPublicKey())),
                Duration.ofSeconds(20)))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("\"" + LocalSshd.currentUser() + "\"")
                .hasMessageContaining("127.0.0.1:" + sshd.port())
                .hasMessageContaining(wrong.toString());
    }

    @Test
    void aMissingKeyFileIsNamed() {
        Path missing = Path.of("/no/such/key");

        assertThatThrownBy(() -> SshGuestShell.connect(target(missing, HostKeyPolicy.acceptAnyOnLoopback()),
                Duration.ofSeconds(5)))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("/no/such/key");
    }

    @Test
    void connectionRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SshTarget nobody = new SshTarget("127.0.0.1", closedPort, "root", sshd.userKey(),
                HostKeyPolicy.acceptAnyOnLoopback());

        assertThatThrownBy(() -> SshGuestShell.connect(nobody, Duration.ofSeconds(10)))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("connection refused");
    }

    @Test
    void serverKilledMidCommandFailsClearlyWithoutHanging() throws Exception {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        try (SshGuestShell shell = SshGuestShell.connect(sshd.target(), Duration.ofSeconds(20))) {
            CompletableFuture<ExecResult> running = CompletableFuture.supplyAsync(
                    () -> shell.execShell("sleep " + seconds + "; true"));
            await().atMost(Duration.ofSeconds(10)).until(() -> shell.exec("sh", "-c",
                    "ps -eo args | grep -c -e \"^sleep $1\"; true", "sh", seconds).stdoutText().trim().equals("1"));

            sshd.kill();

            assertThatThrownBy(() -> running.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(GuestShellException.class)
                    .hasMessageContaining("closed while")
                    .hasMessageContaining("sleep " + seconds);
            // the next command gets one reconnect, which finds nobody listening
            assertThatThrownBy(() -> shell.exec("true"))
                    .isInstanceOf(GuestShellException.class)
                    .hasMessageContaining("dropped and one reconnect failed")
                    .hasMessageContaining("connection refused");
        }
    }

    @Test
    void aDroppedSessionIsReconnectedOnceTransparently() {
        try (SshGuestShell shell = SshGuestShell.connect(sshd.target(), Duration.ofSeconds(20))) {
            String before = shell.execChecked("sh", "-c", "echo $PPID").stdoutText();

            sshd.dropConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> !shell.isConnected());

            ExecResult after = shell.execChecked("sh", "-c", "echo $PPID");
            assertThat(after.stdoutText()).isNotEqualTo(before);
            assertThat(shell.reconnects()).isEqualTo(1);
            assertThat(shell.files().list(dev.limajunit.core.shell.GuestPath.of("/"))).contains("tmp");
        }
    }

    @Test
    void sftpSurvivesADroppedSession() {
        try (SshGuestShell shell = SshGuestShell.connect(sshd.target(), Duration.ofSeconds(20))) {
            assertThat(shell.files().list(dev.limajunit.core.shell.GuestPath.of("/"))).contains("tmp");

            sshd.dropConnections();
            await().atMost(Duration.ofSeconds(10)).until(() -> !shell.isConnected());

            assertThat(shell.files().list(dev.limajunit.core.shell.GuestPath.of("/"))).contains("tmp");
            assertThat(shell.reconnects()).isEqualTo(1);
        }
    }

    @Test
    void heartbeatKeepsAnIdleSessionPastTheIdleTimeout() {
        SshShellOptions options = SshShellOptions.defaults()
                .withHeartbeat(Duration.ofMillis(250), Duration.ofMillis(1500));
        try (SshGuestShell shell = SshGuestShell.connect(sshd.target(), options)) {
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(shell::isConnected);

            assertThat(shell.execChecked("true").exitCode()).isZero();
            assertThat(shell.reconnects()).isZero();
        }
    }

    @Test
    void withoutHeartbeatTheIdleTimeoutWouldCloseTheSession() {
        // The control for the test above: the same idle timeout with a heartbeat slower than it.
        SshShellOptions options = SshShellOptions.defaults()
                .withHeartbeat(Duration.ofHours(1), Duration.ofMillis(1500));
        try (SshGuestShell shell = SshGuestShell.connect(sshd.target(), options)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !shell.isConnected());
        }
    }
}
