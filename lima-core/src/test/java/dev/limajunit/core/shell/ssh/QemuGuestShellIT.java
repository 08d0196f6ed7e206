package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.engine.qemu.QemuInstance;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestTimeoutException;
import dev.limajunit.core.shell.StreamingCommand;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The same guarantees against a guest booted by the qemu engine: busybox {@code sh} as the login shell, the
 * guest's own OpenSSH sshd and sftp-server, over QEMU's user-mode port forward.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QemuGuestShellIT {

    private QemuInstance instance;
    private SshGuestShell shell;

    @BeforeAll
    void boot() {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        double factor = Double.parseDouble(System.getProperty("lima.startTimeoutFactor", "1"));
        instance = (QemuInstance) engine.start(
                new ResolvedInstance(VmType.QEMU, MountType.NINEP, List.of(), false, 2, 1L << 30),
                StartOptions.named("shell-it").withStartTimeout(Duration.ofSeconds(Math.round(120 * factor))));
        // a shell of our own, with OpenSSH's default channel limit
        shell = SshGuestShell.connect(instance.sshTarget(), Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        if (shell != null) {
            shell.close();
        }
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void awkwardArgvArrivesIntact() {
        String awkward = " a  b\tc\nd 'e' \"f\" $HOME ${PATH} $(id) `id` \\ ! * ? [x] {y,z} ~ # ; & | < > ( ) % é 日本 "
                + "🙂";

        assertThat(shell.exec("printf", "%s", awkward).stdoutText()).isEqualTo(awkward);
        assertThat(shell.exec("printf", "[%s]", "", "-n").stdoutText()).isEqualTo("[][-n]");
    }

    @Test
    void exitCodesAndStreams() {
        ExecResult result = shell.execShell("echo out; echo err >&2; exit 7");

        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdoutText()).isEqualTo("out\n");
        assertThat(result.stderrText()).isEqualTo("err\n");
        assertThat(shell.exec("no-such-command-lima-junit").exitCode()).isEqualTo(127);
    }

    @Test
    void timeoutEndsTheProcessAndItsChildrenUnderBusybox() {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));

        assertThatThrownBy(() -> shell.exec(Command.shell("sleep " + seconds + "; true")
                .timeout(Duration.ofSeconds(2))))
                .isInstanceOf(GuestTimeoutException.class);

        assertThat(sleepers(seconds)).isZero();
    }

    @Test
    void streamCloseEndsTheProcess() {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        try (StreamingCommand command = shell.stream(Command.shell("echo ready; exec sleep " + seconds), line -> { })) {
            assertThat(command.awaitLine("ready"::equals, Duration.ofSeconds(30))).isEqualTo("ready");
            assertThat(sleepers(seconds)).isEqualTo(1);
        }
        assertThat(sleepers(seconds)).isZero();
    }

    /** How many {@code sleep SECONDS} processes the guest's (busybox) ps lists. */
    private int sleepers(String seconds) {
        ExecResult ps = shell.exec("sh", "-c", "ps -o args | grep -cx \"sleep $1\"; true", "sh", seconds);
        assertThat(ps.stderrText()).isEmpty();
        return Integer.parseInt(ps.stdoutText().trim());
    }

    @Test
    void sftpAndBinaryExactness() {
        byte[] content = new byte[256 * 1024];
        new Random(3).nextBytes(content);
        GuestPath file = GuestPath.of("/tmp/lima-junit-shell-it.bin");

        shell.files().write(file, content);

        assertThat(shell.files().read(file)).isEqualTo(content);
        assertThat(shell.exec("cat", file.value()).stdout()).isEqualTo(content);
        assertThat(shell.files().stat(file).orElseThrow().size()).isEqualTo(content.length);
        assertThat(shell.files().list(GuestPath.of("/tmp"))).contains(file.fileName());
    }
}
