package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QEMU that stalls before its guest prints anything (seen under TCG on a loaded host) is stopped and booted once
 * more; a second stall is an error. The stall is real: {@link FaultyQemu} starts the guest with its vCPUs paused.
 */
class QemuStallRetryIT {

    private static final Duration STALL = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path realQemu;

    @BeforeEach
    void qemuIsThere() {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        realQemu = engine.qemuBinary();
    }

    @Test
    void aStalledFirstBootIsStoppedAndTheSecondBootIsUsed() throws Exception {
        Path faults = Files.createDirectory(dir.resolve("faults"));
        Path location = Files.createDirectory(dir.resolve("location"));
        FaultyQemu qemu = FaultyQemu.pausingFirstLaunches(faults, realQemu, 1);
        // the cold boot's failure path (a snapshot boot that stalls falls back to it: SnapshotRestoreIT)
        QemuEngine engine = QemuEngine.create().withQemuBinary(qemu.script()).withStallTimeout(STALL)
                .withSnapshots(false);

        try (Instance instance = engine.start(QemuTestVm.spec(MountType.NINEP, false,
                QemuTestVm.mount(0, location, "/mnt/rw", true)), QemuTestVm.options("stalls-once"))) {
            assertThat(qemu.pids()).as("guest launches").hasSize(2);
            assertThat(ProcessHandle.of(qemu.pids().get(0)).filter(ProcessHandle::isAlive))
                    .as("the stalled first QEMU").isEmpty();
            instance.shell().execChecked("sh", "-c", "echo from-the-retry > /mnt/rw/proof");
            assertThat(location.resolve("proof")).hasContent("from-the-retry");
        }
        assertNoProcessOf("stalls-once");
    }

    @Test
    void aGuestThatStallsTwiceFailsNamingTheStallAndLeavesNothing() throws Exception {
        Path faults = Files.createDirectory(dir.resolve("faults"));
        FaultyQemu qemu = FaultyQemu.pausingFirstLaunches(faults, realQemu, 2);
        // the cold boot's failure path (a snapshot boot that stalls falls back to it: SnapshotRestoreIT)
        QemuEngine engine = QemuEngine.create().withQemuBinary(qemu.script()).withStallTimeout(STALL)
                .withSnapshots(false);

        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false),
                QemuTestVm.options("stalls-twice")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("instance stalls-twice (qemu engine): the guest printed nothing on its serial "
                        + "console within 10 s")
                .hasMessageContaining("the first boot stalled the same way")
                .satisfies(e -> System.out.println("stalled twice:\n" + e.getMessage()));
        assertThat(qemu.pids()).as("guest launches: the first and one retry").hasSize(2);
        assertThat(qemu.pids()).allSatisfy(pid ->
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("QEMU pid " + pid).isEmpty());
        assertNoProcessOf("stalls-twice");
    }

    private static void assertNoProcessOf(String instance) {
        assertThat(ProcessRegistry.global().live()).extracting(ManagedProcess::name)
                .noneMatch(n -> n.contains(instance));
    }
}
