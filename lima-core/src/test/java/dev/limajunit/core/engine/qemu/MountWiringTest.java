package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The QEMU arguments and guest commands each mount type produces, compared with what Lima 2.2 produces. */
class MountWiringTest {

    @Test
    void mountTagsAreLimasSha256Prefix() {
        // python3 -c "import hashlib;print(hashlib.sha256(b'/home/me/src:/mnt/src').hexdigest()[:16])"
        assertThat(MountTag.of("/home/me/src", "/mnt/src")).isEqualTo("lima-eb2af58fa5750faf");
    }

    @Test
    void writableNinePMount() {
        NinePMount mount = new NinePMount(mount("/home/me/src", true, NinePCache.MMAP));

        assertThat(mount.qemuArguments()).containsExactly("-virtfs",
                "local,mount_tag=lima-eb2af58fa5750faf,path=/home/me/src,security_model=none");
        assertThat(mount.guestOptions()).isEqualTo("rw,trans=virtio,version=9p2000.L,msize=131072,cache=mmap");
    }

    @Test
    void readOnlyNinePMountIsReadOnlyOnBothSides() {
        NinePMount mount = new NinePMount(mount("/home/me/src", false, NinePCache.FSCACHE));

        assertThat(mount.qemuArguments().get(1)).endsWith(",security_model=none,readonly=on");
        assertThat(mount.guestOptions()).startsWith("ro,").endsWith(",cache=fscache");
    }

    @Test
    void commasInPathsAreDoubledForQemu() {
        NinePMount mount = new NinePMount(mount("/tmp/a,b", true, NinePCache.MMAP));

        assertThat(mount.qemuArguments().get(1)).contains(",path=/tmp/a,,b,");
    }

    @Test
    void sshfsCommandFollowsTheOptions() {
        ResolvedMount plain = mount("/src", true, NinePCache.MMAP);
        ResolvedMount readOnlyNoCacheFollow = new ResolvedMount(1, Path.of("/s p"), "/mnt/s p", false,
                new ResolvedMount.Sshfs(false, true, SftpDriver.OPENSSH_SFTP_SERVER), plain.ninep(), 0);

        assertThat(new ReverseSshfsMount(plain, null, Path.of("/tmp")).sshfsCommand())
                .isEqualTo("sshfs ':/src' '/mnt/src' -o slave -f -o allow_other");
        assertThat(new ReverseSshfsMount(readOnlyNoCacheFollow, null, Path.of("/tmp")).sshfsCommand())
                .isEqualTo("sshfs ':/s p' '/mnt/s p' -o slave -f -o ro -o allow_other,cache=no,follow_symlinks");
    }

    private static ResolvedMount mount(String location, boolean writable, NinePCache cache) {
        return new ResolvedMount(0, Path.of(location), "/mnt/src".equals(location) ? location : "/mnt/src", writable,
                new ResolvedMount.Sshfs(true, false, SftpDriver.OPENSSH_SFTP_SERVER),
                new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 131072, cache), 0);
    }
}
