package dev.limajunit.core.shell.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.RunningCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** start(): raw streams and a close that really ends the remote process. */
@ExtendWith(LocalSshShell.class)
class SshGuestShellStartIT {

    private static LocalSshd sshd;
    private static SshGuestShell shell;

    @BeforeAll
    static void start(LocalSshd started, SshGuestShell connected) {
        sshd = started;
        shell = connected;
    }

    @Test
    void rawStreamsAreAnInteractiveBinaryPipe() throws Exception {
        try (RunningCommand cat = shell.start(Command.of("cat"))) {
            OutputStream in = cat.stdin();
            InputStream out = cat.stdout();
            // each write must arrive without the caller flushing or closing: a request/reply protocol depends on it
            for (int round = 0; round < 20; round++) {
                byte[] request = {(byte) round, 0, (byte) 0xff, '\n', (byte) 0x80};
                in.write(request);
                assertThat(out.readNBytes(request.length)).isEqualTo(request);
            }
            in.close();
            assertThat(out.read()).isEqualTo(-1);
            assertThat(cat.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(0));
            assertThat(cat.isRunning()).isFalse();
        }
    }

    @Test
    void stderrIsItsOwnStream() throws Exception {
        try (RunningCommand command = shell.start(Command.shell("echo to-err >&2; echo to-out"))) {
            assertThat(new String(command.stdout().readAllBytes())).isEqualTo("to-out\n");
            assertThat(new String(command.stderr().readAllBytes())).isEqualTo("to-err\n");
            assertThat(command.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(0));
        }
    }

    @Test
    void closeEndsTheRemoteProcessAndItsChildren() {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        RunningCommand command = shell.start(Command.shell("sleep " + seconds + "; true"));
        await().atMost(Duration.ofSeconds(10)).until(() -> sleepers(seconds) == 1);
        assertThat(command.isRunning()).isTrue();

        command.close();

        assertThat(command.isRunning()).isFalse();
        assertThat(sleepers(seconds)).isZero();
    }

    @Test
    void closingOnlyTheChannelWouldLeaveTheProcessRunning() throws Exception {
        // Why close() must kill: OpenSSH keeps a command running after its channel closes.
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        try (org.apache.sshd.client.SshClient client = org.apache.sshd.client.SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier((s, a, k) -> true);
            client.start();
            try (var session = client.connect(LocalSshd.currentUser(), "127.0.0.1", sshd.port())
                    .verify(Duration.ofSeconds(10)).getSession()) {
                session.addPublicKeyIdentity(PrivateKeyFile.load(sshd.userKey()).get(0));
                session.auth().verify(Duration.ofSeconds(10));
                var channel = session.createExecChannel("sleep " + seconds);
                channel.open().verify(Duration.ofSeconds(10));
                await().atMost(Duration.ofSeconds(10)).until(() -> sleepers(seconds) == 1);
                channel.close(false).await(Duration.ofSeconds(2));
            }
        }
        assertThat(sleepers(seconds)).isEqualTo(1);
        shell.execChecked("pkill", "-x", "-f", "sleep " + seconds);
    }

    private static int sleepers(String seconds) {
        String out = shell.execChecked("sh", "-c", "ps -eo args | grep -cx \"sleep $1\"; true", "sh", seconds)
                .stdoutText().trim();
        return Integer.parseInt(out);
    }
}
