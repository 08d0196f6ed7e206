package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SerialConsole#awaitReady}, the wait cold boots and snapshot boots share, against real processes standing in
 * for QEMU ({@code sleep}, {@code sh}) and a serial log written by the test.
 */
class SerialConsoleTest {

    private static final Duration LONG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void returnsOnceTheReadinessLineIsThere() throws IOException {
        SerialConsole serial = serial("lima-junit: init at 0.9s\nLIMA-JUNIT-READY uptime=2.25\n");

        try (ManagedProcess qemu = start("sleep", "30")) {
            serial.awaitReady("instance ready (qemu engine)", qemu, stderr(""), LONG, deadlineIn(LONG));
        }

        assertThat(serial.readyUptime()).contains(2.25);
        assertThat(serial.initUptime()).contains(0.9);
    }

    @Test
    void aQemuThatExitsFailsAtOnceWithItsExitCodeAndStderr() throws IOException {
        SerialConsole serial = serial("");
        Path stderr = stderr("qemu-system-x86_64: -kernel /nonexistent: No such file");

        try (ManagedProcess qemu = start("sh", "-c", "exit 3")) {
            assertThatThrownBy(() -> serial.awaitReady("instance gone (qemu engine)", qemu, stderr, LONG,
                    deadlineIn(LONG)))
                    .isInstanceOf(GuestNotReadyException.class)
                    .hasMessage("QEMU exited with code 3 before the guest was ready: qemu-system-x86_64: -kernel "
                            + "/nonexistent: No such file");
        }
    }

    @Test
    void aPanicIsNamedWithItsLine() throws IOException {
        SerialConsole serial = serial("[    1.700000] Kernel panic - not syncing: VFS: Unable to mount root fs\n");

        try (ManagedProcess qemu = start("true")) {
            assertThatThrownBy(() -> serial.awaitReady("instance panics (qemu engine)", qemu, stderr(""), LONG,
                    deadlineIn(LONG)))
                    .isInstanceOf(GuestNotReadyException.class)
                    .hasMessage("the guest kernel panicked before the guest was ready: Kernel panic - not syncing: "
                            + "VFS: Unable to mount root fs (QEMU exited with code 0: it runs with panic=-1 "
                            + "-no-reboot)");
        }
    }

    @Test
    void aGuestThatPrintsNothingIsAStall() throws IOException {
        SerialConsole serial = serial("");

        try (ManagedProcess qemu = start("sleep", "30")) {
            assertThatThrownBy(() -> serial.awaitReady("instance silent (qemu engine)", qemu, stderr(""),
                    Duration.ofMillis(200), deadlineIn(LONG)))
                    .isInstanceOf(GuestStalledException.class)
                    .hasMessageStartingWith("instance silent (qemu engine): the guest printed nothing on its serial "
                            + "console within 200 ms (" + serial.file() + " is empty)");
        }
    }

    @Test
    void aGuestThatPrintsButNeverGetsReadyRunsIntoTheDeadline() throws IOException {
        SerialConsole serial = serial("[    0.000000] Linux version 6.1\n");

        try (ManagedProcess qemu = start("sleep", "30")) {
            assertThatThrownBy(() -> serial.awaitReady("instance slow (qemu engine)", qemu, stderr(""),
                    Duration.ofMillis(1), new StartDeadline(System.nanoTime() + 200_000_000L, "the test's 0.2 s")))
                    .isInstanceOf(GuestNotReadyException.class)
                    .hasMessage("the guest did not become ready (no \"LIMA-JUNIT-READY\" on its serial console) "
                            + "within the test's 0.2 s");
        }
    }

    private SerialConsole serial(String text) throws IOException {
        return new SerialConsole(Files.writeString(dir.resolve("serial.log"), text));
    }

    private Path stderr(String text) throws IOException {
        return Files.writeString(dir.resolve("qemu.stderr.log"), text);
    }

    private static StartDeadline deadlineIn(Duration timeout) {
        return StartDeadline.startTimeout(timeout);
    }

    private static ManagedProcess start(String... command) throws IOException {
        return ProcessRegistry.global().start("qemu stand-in", new ProcessBuilder(command));
    }
}
