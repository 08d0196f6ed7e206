package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.StartOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Specs and start options for the qemu engine's integration tests: Lima's defaults, written out. */
final class QemuTestVm {

    private QemuTestVm() {
    }

    /** How long a boot may take here, scaled by -Dlima.startTimeoutFactor on slow CI. */
    static StartOptions options(String name) {
        double factor = Double.parseDouble(System.getProperty("lima.startTimeoutFactor", "1"));
        return StartOptions.named(name).withStartTimeout(Duration.ofSeconds(Math.round(90 * factor)));
    }

    /** A mount with Lima's defaults (9p cache: mmap when writable, fscache when read-only). */
    static ResolvedMount mount(int index, Path location, String mountPoint, boolean writable) {
        return mount(index, location, mountPoint, writable, true, false);
    }

    static ResolvedMount mount(int index, Path location, String mountPoint, boolean writable, boolean sshfsCache,
                               boolean followSymlinks) {
        return new ResolvedMount(index, location, mountPoint, writable,
                new ResolvedMount.Sshfs(sshfsCache, followSymlinks, SftpDriver.OPENSSH_SFTP_SERVER),
                new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 128 * 1024,
                        writable ? NinePCache.MMAP : NinePCache.FSCACHE), 0);
    }

    static ResolvedInstance spec(MountType type, boolean mountInotify, ResolvedMount... mounts) {
        return new ResolvedInstance(VmType.QEMU, type, List.of(mounts), mountInotify, 2, 1L << 30);
    }
}
