package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import org.junit.jupiter.api.Test;

/**
 * virtiofs (one virtiofsd per mount, vhost-user-fs-pci). virtiofsd cannot serve a directory read-only, so a
 * read-only mount is read-only only through the guest's {@code mount -o ro}: the guest kernel refuses the write
 * with EROFS before it reaches the host.
 */
class VirtiofsMountIT extends AbstractMountTypeIT {

    @Override
    MountType mountType() {
        return MountType.VIRTIOFS;
    }

    @Test
    void mountsByTagWithOneVirtiofsdPerMount() {
        String mounts = instance.shell().execChecked("cat", "/proc/mounts").stdoutText();

        assertThat(mounts).containsPattern("lima-[0-9a-f]{16} /mnt/rw virtiofs rw")
                .containsPattern("lima-[0-9a-f]{16} /mnt/ro virtiofs ro");
        assertThat(instance.diagnosticFiles()).containsKeys("virtiofsd-0.log", "virtiofsd-1.log");
    }
}
