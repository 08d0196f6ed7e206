package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import org.junit.jupiter.api.Test;

/**
 * 9p (QEMU -virtfs): read-only mounts are read-only on both sides (readonly=on and mount -o ro); a guest watch below
 * the mount root misses the forwarded changes (the nested-files caveat).
 */
class NinePMountIT extends AbstractMountTypeIT {

    @Override
    MountType mountType() {
        return MountType.NINEP;
    }

    /**
     * The seed's nested-files caveat: with cache=mmap 9p hands out a new inode on each lookup, so a watch on a
     * subdirectory sits on a stale inode and the forwarded touch raises nothing there.
     */
    @Override
    boolean nestedForwardedChangeIsSeen() {
        return false;
    }

    @Test
    void mountsWithLimasOptions() {
        String mounts = instance.shell().execChecked("cat", "/proc/mounts").stdoutText();

        assertThat(mounts).containsPattern("lima-[0-9a-f]{16} /mnt/rw 9p rw,.*trans=virtio")
                .containsPattern("lima-[0-9a-f]{16} /mnt/ro 9p ro,.*trans=virtio");
    }
}
