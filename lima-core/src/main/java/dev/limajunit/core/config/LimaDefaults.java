package dev.limajunit.core.config;

import dev.limajunit.core.host.HostFacts;
import java.util.List;

/**
 * Lima's built-in defaults, exactly as the seed page and Lima's default.yaml state them, by Lima version where they
 * changed.
 */
public final class LimaDefaults {

    /** 9p msize default: "128KiB". */
    public static final long NINEP_MSIZE = 128 * 1024;
    /** 9p msize minimum: "4KiB is the absolute minimum". */
    public static final long NINEP_MIN_MSIZE = 4 * 1024;
    public static final ProtocolVersion NINEP_PROTOCOL_VERSION = ProtocolVersion.P9_2000_L;
    public static final boolean SSHFS_CACHE = true;
    public static final boolean SSHFS_FOLLOW_SYMLINKS = false;
    public static final boolean WRITABLE = false;

    private static final long MAX_DEFAULT_MEMORY = 4L << 30;
    private static final int MAX_DEFAULT_CPUS = 4;

    private LimaDefaults() {
    }

    /** "vz" on macOS 13.5 and later (Lima 1.0+), "qemu" on others. */
    public static VmType vmType(HostFacts facts) {
        return facts.isMacOsAtLeast(13, 5) && facts.effectiveLimaVersion().isAtLeast(1, 0) ? VmType.VZ : VmType.QEMU;
    }

    /**
     * The seed's table: before 0.10 and from 0.10 reverse-sshfs; from 0.17 reverse-sshfs for QEMU and virtiofs for
     * VZ; from 1.0 9p for QEMU and virtiofs for VZ. vmType wsl2 always uses its own wsl2 mounts, krunkit virtiofs.
     * A default the template lists in {@code mountTypesUnsupported} falls back to reverse-sshfs, as in Lima.
     */
    public static MountType mountType(LimaVersion lima, VmType vmType, List<MountType> unsupported) {
        MountType chosen = switch (vmType) {
            case WSL2 -> MountType.WSL2;
            case KRUNKIT -> MountType.VIRTIOFS;
            case VZ -> lima.isAtLeast(0, 17) ? MountType.VIRTIOFS : MountType.REVERSE_SSHFS;
            case QEMU -> lima.isAtLeast(1, 0) ? MountType.NINEP : MountType.REVERSE_SSHFS;
        };
        return unsupported.contains(chosen) && vmType != VmType.WSL2 ? MountType.REVERSE_SSHFS : chosen;
    }

    /** "openssh-sftp-server" if its binary is found (Lima 0.10+), otherwise "builtin". */
    public static SftpDriver sftpDriver(LimaVersion lima, boolean sftpServerFound) {
        return lima.isAtLeast(0, 10) && sftpServerFound ? SftpDriver.OPENSSH_SFTP_SERVER : SftpDriver.BUILTIN;
    }

    /** "none" since Lima 0.13; "mapped-xattr" before. */
    public static SecurityModel ninepSecurityModel(LimaVersion lima) {
        return lima.isAtLeast(0, 13) ? SecurityModel.NONE : SecurityModel.MAPPED_XATTR;
    }

    /** "fscache" for non-writable mounts, "mmap" for writable mounts. */
    public static NinePCache ninepCache(boolean writable) {
        return writable ? NinePCache.MMAP : NinePCache.FSCACHE;
    }

    /** min(4, host CPUs). */
    public static int cpus(HostFacts facts) {
        return Math.max(1, Math.min(MAX_DEFAULT_CPUS, facts.cpus()));
    }

    /** min("4GiB", half of host memory). */
    public static long memoryBytes(HostFacts facts) {
        long half = facts.memoryBytes() / 2;
        return half <= 0 ? MAX_DEFAULT_MEMORY : Math.min(MAX_DEFAULT_MEMORY, half);
    }
}
