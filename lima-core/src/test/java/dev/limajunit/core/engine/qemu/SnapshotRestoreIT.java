package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.InstanceStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boot snapshots on real QEMU: what a restored guest is, and the fallbacks to a cold boot. */
class SnapshotRestoreIT {

    @TempDir
    Path dir;

    @BeforeAll
    static void qemuIsHere() {
        assumeThat(QemuEngine.create().unavailableReason()).as("qemu engine availability").isEmpty();
    }

    @Test
    void aRestoredGuestIsThisInstancesOwn() throws IOException {
        Path location = Files.createDirectory(dir.resolve("share"));
        QemuEngine engine = QemuEngine.create().withSnapshots(true);
        try (QemuInstance first = start(engine, "own-a", location);
             QemuInstance second = start(engine, "own-b", location)) {
            for (QemuInstance instance : List.of(first, second)) {
                assertThat(instance.bootPhases()).as("restored").containsKeys("snapshot", "restore")
                        .doesNotContainKey("kernel");
                // only this instance's key logs in: the snapshot's ("lima-junit-snapshot") was replaced
                assertThat(instance.rootShell().execChecked("cat", "/root/.ssh/authorized_keys").stdoutText())
                        .isEqualTo(Files.readString(instance.sshTarget().privateKey()
                                .resolveSibling("id_ed25519.pub")));
                long guestClock = Long.parseLong(instance.shell().execChecked("date", "+%s").stdoutText().strip());
                assertThat(guestClock).as("the guest clock, set from the host's")
                        .isBetween(System.currentTimeMillis() / 1000 - 3, System.currentTimeMillis() / 1000 + 3);
                assertThat(instance.rootShell().execChecked("dmesg").stdoutText())
                        .as("the kernel's random generator reseeded after the restore, from the host's bytes")
                        .contains("random: crng reseeded on system resumption");
                assertThat(instance.shell().execChecked("cat", "/proc/mounts").stdoutText())
                        .as("the 9p device reads Lima's tag again, not the snapshot's placeholder")
                        .contains(MountTag.of(location.toString(), "/mnt/share") + " /mnt/share 9p ");
            }
            assertThat(random(first)).as("each restore reads its own randomness").isNotEqualTo(random(second));
        }
    }

    @Test
    void aSnapshotQemuCannotLoadIsDiscardedAndTheGuestBootsCold() throws IOException {
        Path cache = Files.createDirectory(dir.resolve("cache"));
        // the user's kernel entry, not another download; a private cache for the snapshot this test corrupts
        Path kernels = GuestKitBuilder.userKit().kernel().getParent().getParent();
        Files.createSymbolicLink(cache.resolve("kernels"), kernels);
        QemuEngine engine = QemuEngine.create().withCacheDirectory(cache).withSnapshots(true);
        Path location = Files.createDirectory(dir.resolve("share"));
        try (QemuInstance made = start(engine, "made", location)) {
            assertThat(made.bootPhases()).containsKey("restore");
        }
        Path snapshot;
        try (Stream<Path> entries = Files.list(cache.resolve("snapshots"))) {
            snapshot = entries.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().orElseThrow();
        }
        Files.write(snapshot.resolve(BootSnapshot.STATE), new byte[4096]);

        try (QemuInstance cold = start(engine, "after-corrupt", location)) {
            assertThat(cold.bootPhases()).as("booted cold").containsKeys("qemu", "kernel", "init")
                    .doesNotContainKey("restore");
            assertThat(cold.shell().execChecked("ls", "/mnt/share").exitCode()).isZero();
        }
        assertThat(snapshot).as("discarded, so that the next boot makes a new one").doesNotExist();
    }

    @Test
    void aSnapshotBootThatPanicsFallsBackToTheColdBootWhichReportsThePanic() {
        FaultyQemu qemu = FaultyQemu.appendingKernelArgs(dir, QemuEngine.create().qemuBinary(), "rdinit=/no-such-init");
        QemuEngine engine = QemuEngine.create().withQemuBinary(qemu.script()).withSnapshots(true);

        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false),
                QemuTestVm.options("snapshot-panic")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("instance snapshot-panic (qemu engine): the guest kernel panicked before the "
                        + "guest was ready: Kernel panic - not syncing: VFS: Unable to mount root fs");
        assertThat(qemu.pids()).as("the snapshot boot, then the cold boot").hasSize(2);
    }

    private static QemuInstance start(QemuEngine engine, String name, Path location) {
        return (QemuInstance) engine.start(QemuTestVm.spec(MountType.NINEP, false,
                QemuTestVm.mount(0, location, "/mnt/share", true)), QemuTestVm.options(name));
    }

    private static String random(QemuInstance instance) {
        return instance.shell().execChecked("sh", "-c", "head -c 16 /dev/urandom | od -An -tx1").stdoutText();
    }
}
