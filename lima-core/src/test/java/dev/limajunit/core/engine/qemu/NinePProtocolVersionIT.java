package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.engine.InstanceStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code protocolVersion: 9p2000} (legacy, no Unix or Linux extensions), which Lima accepts: QEMU's 9p server speaks
 * only 9p2000.u and 9p2000.L and answers the legacy version with "unknown", so the guest's mount fails with EREMOTEIO.
 * Lima mounts with {@code nofail} and boots without the mount; the qemu engine checks every mount and refuses to start.
 */
class NinePProtocolVersionIT {

    @Test
    void theLegacyProtocolCannotMount() throws IOException {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        Path dir = Files.createTempDirectory("lima-junit-9p2000");
        try {
            ResolvedMount defaults = QemuTestVm.mount(0, dir, "/mnt/legacy", true);
            ResolvedMount legacy = new ResolvedMount(0, dir, "/mnt/legacy", true, defaults.sshfs(),
                    new ResolvedMount.NineP(defaults.ninep().securityModel(), ProtocolVersion.P9_2000,
                            defaults.ninep().msizeBytes(), defaults.ninep().cache()), 0);

            assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false, legacy),
                    QemuTestVm.options("ninep-legacy")).close())
                    .isInstanceOf(InstanceStartException.class)
                    .hasMessageContaining("version=9p2000,")
                    .hasMessageContaining("Remote I/O error");
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
