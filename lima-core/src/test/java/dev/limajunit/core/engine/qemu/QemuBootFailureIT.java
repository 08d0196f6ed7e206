package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots that cannot succeed fail fast with the reason and leave no process behind. */
class QemuBootFailureIT {

    @BeforeEach
    void qemuIsThere() {
        assumeThat(QemuEngine.create().unavailableReason()).as("qemu engine availability").isEmpty();
    }

    @Test
    void aMissingQemuNamesThePackageToInstall() {
        QemuEngine engine = QemuEngine.create().withQemuBinary(Path.of("/nonexistent/qemu-system-x86_64"));

        assertThat(engine.unavailableReason()).hasValueSatisfying(reason ->
                assertThat(reason).contains("/nonexistent/qemu-system-x86_64").contains("qemu-system-x86"));
        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false), QemuTestVm.options("no-qemu")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("install the Debian package qemu-system-x86");
    }

    @Test
    void aBadKernelPathFailsAtOnceWithQemusError() {
        QemuEngine engine = QemuEngine.create().withKernel(Path.of("/nonexistent/vmlinuz"));
        long start = System.nanoTime();

        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false),
                QemuTestVm.options("bad-kernel")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("QEMU exited with code 1 before the guest was ready")
                .hasMessageContaining("/nonexistent/vmlinuz");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("an early exit is reported without waiting for the timeout")
                .isLessThan(QemuTestVm.options("x").startTimeout());
        assertNoProcessOf("bad-kernel");
    }

    @Test
    void aGuestThatIsNotReadyInTimeFailsWithTheSerialLogAndIsStopped() {
        // a cold boot: a restore is ready within 1.5 s
        assertThatThrownBy(() -> QemuEngine.create().withSnapshots(false).start(QemuTestVm.spec(MountType.NINEP, false),
                QemuTestVm.options("too-slow").withStartTimeout(Duration.ofMillis(1500))))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("did not become ready")
                .hasMessageContaining("within the start timeout")
                .hasMessageContaining("lines of the serial log");
        assertNoProcessOf("too-slow");
    }

    @Test
    void aGuestKernelPanicDuringBootFailsAtOnceWithThePanic(@TempDir Path dir) {
        // Real panic: with an rdinit that does not exist the kernel falls back to mounting a root device it lacks.
        FaultyQemu qemu = FaultyQemu.appendingKernelArgs(dir, QemuEngine.create().qemuBinary(), "rdinit=/no-such-init");
        // the cold boot's failure path; with snapshots a panicking snapshot boot falls back to it (SnapshotRestoreIT)
        QemuEngine engine = QemuEngine.create().withQemuBinary(qemu.script()).withSnapshots(false);
        long start = System.nanoTime();

        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false),
                QemuTestVm.options("boot-panic")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining(
                        "instance boot-panic (qemu engine): the guest kernel panicked before the guest was "
                        + "ready: Kernel panic - not syncing: VFS: Unable to mount root fs")
                .hasMessageContaining("lines of the serial log")
                .satisfies(e -> System.out.println("kernel panic during boot:\n" + e.getMessage()));
        Duration failedAfter = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failedAfter).as("a panic is reported without waiting for the timeout")
                .isLessThan(QemuTestVm.options("x").startTimeout());
        assertThat(qemu.pids()).as("a panic is not retried").hasSize(1);
        System.out.println("kernel panic during boot reported " + failedAfter.toMillis() + " ms after the start");
        assertNoProcessOf("boot-panic");
    }

    @Test
    void aFullCacheDirectoryFailsNamingItAndLeavesNoPartialEntry(@TempDir Path dir) throws Exception {
        assumeThat(HostTool.run(null, List.of("id", "-u")).strip()).as("mounting a 1 MiB tmpfs to fill needs root "
                + "(CI runs as root)").isEqualTo("0");
        Path cache = Files.createDirectory(dir.resolve("cache"));
        // The kernel entry comes from the user's cache (no 60 MB download); the kit, about 20 MB, must be written.
        Path userKernels = GuestKitBuilder.userKit().kernel().getParent().getParent();
        try {
            HostTool.run(null, List.of("mount", "-t", "tmpfs", "-o", "size=1m", "lima-junit-full-cache",
                    cache.toString()));
        } catch (RuntimeException e) {
            abort("this host does not let root mount a tmpfs (a container without CAP_SYS_ADMIN?): " + e.getMessage());
        }
        try {
            Files.createSymbolicLink(cache.resolve("kernels"), userKernels);
            QemuEngine engine = QemuEngine.create().withCacheDirectory(cache);

            assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false),
                    QemuTestVm.options("full-cache")))
                    .isInstanceOf(InstanceStartException.class)
                    .hasMessageContaining("instance full-cache (qemu engine): the cache directory " + cache
                            + " is full (No space left on device")
                    .hasMessageContaining("while building its entry kits/")
                    .hasMessageContaining("-Dlima.cacheDir")
                    .hasMessageContaining("the partial entry was removed")
                    .satisfies(e -> System.out.println("full cache directory:\n" + e.getMessage()));
            try (Stream<Path> kits = Files.list(cache.resolve("kits"))) {
                assertThat(kits).as("entries left in the full cache's kits/").isEmpty();
            }
            FileStore store = Files.getFileStore(cache);
            assertThat(store.getUsableSpace()).as("free space on the 1 MiB cache after the failure")
                    .isGreaterThan(store.getTotalSpace() * 9 / 10);
            assertNoProcessOf("full-cache");
        } finally {
            HostTool.run(null, List.of("umount", cache.toString()));
        }
    }

    private static void assertNoProcessOf(String instance) {
        assertThat(ProcessRegistry.global().live()).extracting(ManagedProcess::name)
                .noneMatch(n -> n.contains(instance));
    }
}
