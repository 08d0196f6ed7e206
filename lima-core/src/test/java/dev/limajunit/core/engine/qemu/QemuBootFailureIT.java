package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false), QemuTestVm.options("bad-kernel")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("QEMU exited with code 1 before the guest was ready")
                .hasMessageContaining("/nonexistent/vmlinuz");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("an early exit is reported without waiting for the timeout")
                .isLessThan(QemuTestVm.options("x").startTimeout());
        assertNoProcessOf("bad-kernel");
    }

    @Test
    void aGuestThatIsNotReadyInTimeFailsWithTheSerialLogAndIsStopped() {
        assertThatThrownBy(() -> QemuEngine.create().start(QemuTestVm.spec(MountType.NINEP, false),
                QemuTestVm.options("too-slow").withStartTimeout(Duration.ofMillis(1500))))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("did not become ready")
                .hasMessageContaining("within the start timeout")
                .hasMessageContaining("lines of the serial log");
        assertNoProcessOf("too-slow");
    }

    private static void assertNoProcessOf(String instance) {
        assertThat(ProcessRegistry.global().live()).extracting(ManagedProcess::name).noneMatch(n -> n.contains(instance));
    }
}
