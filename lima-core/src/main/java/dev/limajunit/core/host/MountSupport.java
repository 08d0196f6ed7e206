package dev.limajunit.core.host;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which mount types and VM types this host can run, with the reason in words. The rules are the seed page's
 * (9p only on QEMU; virtiofs needs vz on macOS 13+ or QEMU 4.2+ on Linux with the Rust virtiofsd; wsl2 only with
 * vmType wsl2 on Windows 10 build 19041+ or 11; vz only on macOS; reverse-sshfs needs sshfs in the guest and an SFTP
 * server) plus what the facts say about the guest kernel.
 */
public final class MountSupport {

    /** First Windows 10 build with WSL2 (version 2004); every Windows 11 build is above it. */
    public static final int WSL2_MIN_WINDOWS_BUILD = 19041;

    private static final Pattern QEMU_VERSION = Pattern.compile("version (\\d+)\\.(\\d+)");

    private final HostFacts facts;

    public MountSupport(HostFacts facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** Whether a VM of this type can run here at all. */
    public Support supports(VmType vmType) {
        return switch (vmType) {
            case QEMU -> facts.qemuSystem() != null
                    ? Support.yes("QEMU " + facts.qemuSystem().path() + accelerationNote())
                    : Support.no("no qemu-system-" + facts.arch() + " found on PATH (install QEMU)");
            case VZ -> facts.os() == OperatingSystem.MACOS
                    ? Support.yes("Apple Virtualization.framework on macOS " + facts.osVersion())
                    : Support.no("vmType vz exists only on macOS (Apple Virtualization.framework); this host runs "
                            + facts.os());
            case WSL2 -> windowsWithWsl2();
            case KRUNKIT -> facts.os() == OperatingSystem.MACOS && "aarch64".equals(facts.arch())
                    ? Support.yes("krunkit on macOS " + facts.osVersion() + " (Apple silicon)")
                    : Support.no("vmType krunkit needs macOS on Apple silicon; this host runs " + facts.os()
                            + " on " + facts.arch());
        };
    }

    /** Whether mounts of this type can be used in a VM of this type here. */
    public Support supports(MountType mountType, VmType vmType) {
        Support vm = supports(vmType);
        Support rule = switch (mountType) {
            case REVERSE_SSHFS -> reverseSshfs(vmType);
            case NINEP -> ninep(vmType);
            case VIRTIOFS -> virtiofs(vmType);
            case WSL2 -> vmType == VmType.WSL2
                    ? Support.yes("WSL2's own disk sharing (/mnt/c, ...)")
                    : Support.no("mountType wsl2 works only with vmType wsl2 (Windows 10 build 19041+ or 11)");
        };
        if (!rule.supported()) {
            return rule;
        }
        if (!vm.supported()) {
            return vm;
        }
        return rule;
    }

    private Support reverseSshfs(VmType vmType) {
        if (vmType == VmType.WSL2) {
            return Support.no("vmType wsl2 mounts host directories only with mountType wsl2");
        }
        if (Boolean.FALSE.equals(facts.guestKernel().fuse())) {
            return Support.no("the guest kernel has no FUSE (CONFIG_FUSE_FS), which sshfs needs");
        }
        // The qemu engine copies the host's sshfs into its guest; a Lima image installs its own.
        if (facts.limactl() == null && facts.sshfs() == null) {
            return Support.no("no sshfs binary to put into the guest (install sshfs)");
        }
        String server = facts.sftpServer() != null
                ? "OpenSSH sftp-server " + facts.sftpServer().path()
                : "the builtin SFTP server (no OpenSSH sftp-server found)";
        return Support.yes("sshfs in the guest, served over SSH by " + server);
    }

    private Support ninep(VmType vmType) {
        if (vmType != VmType.QEMU) {
            return Support.no("9p is QEMU's virtio-9p-pci: only vmType qemu (not " + vmType + ")");
        }
        if (Boolean.FALSE.equals(facts.guestKernel().ninep())) {
            return Support.no("the guest kernel has no 9p over virtio (CONFIG_NET_9P_VIRTIO, CONFIG_9P_FS)");
        }
        return Support.yes("QEMU virtio-9p-pci (virtfs)");
    }

    private Support virtiofs(VmType vmType) {
        if (Boolean.FALSE.equals(facts.guestKernel().virtiofs())) {
            return Support.no("the guest kernel has no virtiofs (CONFIG_VIRTIO_FS)");
        }
        return switch (vmType) {
            case VZ -> facts.isMacOsAtLeast(13, 0)
                    ? Support.yes("Virtualization.framework shared directories (macOS 13+)")
                    : Support.no("virtiofs with vmType vz needs macOS 13 or later; this host runs " + facts.os()
                            + (facts.os() == OperatingSystem.MACOS ? " " + facts.osVersion() : ""));
            case QEMU -> virtiofsOnQemu();
            case KRUNKIT -> Support.yes("krunkit's virtio-fs");
            case WSL2 -> Support.no("vmType wsl2 mounts host directories only with mountType wsl2");
        };
    }

    private Support virtiofsOnQemu() {
        if (facts.os() != OperatingSystem.LINUX) {
            return Support.no("virtiofs with vmType qemu needs a Linux host with virtiofsd; this host runs "
                    + facts.os() + " (on macOS use vmType vz)");
        }
        if (facts.qemuSystem() != null && !qemuAtLeast(4, 2)) {
            return Support.no("virtiofs needs QEMU 4.2.0 or later; this host has " + facts.qemuSystem().version());
        }
        Virtiofsd virtiofsd = facts.virtiofsd();
        if (virtiofsd == null) {
            return Support.no("no virtiofsd found: install the Rust virtiofsd (bin/install-virtiofsd registers it "
                    + "where Lima looks)");
        }
        return virtiofsd.unusableReason(facts.effectiveUid())
                .map(Support::no)
                .orElseGet(() -> Support.yes(virtiofsd.kind() == Virtiofsd.Kind.RUST
                        ? "the Rust virtiofsd " + virtiofsd.path()
                        : "QEMU's C virtiofsd " + virtiofsd.path() + ", named by " + VirtiofsdLocator.PROPERTY
                                + " and run as root (qemu engine only: Lima runs the Rust virtiofsd)"));
    }

    /** Whether the QEMU version (as {@code --version} printed it) is at least this; true when it is unknown. */
    private boolean qemuAtLeast(int major, int minor) {
        Matcher m = QEMU_VERSION.matcher(facts.qemuSystem().version());
        if (!m.find()) {
            return true;
        }
        int foundMajor = Integer.parseInt(m.group(1));
        return foundMajor > major || (foundMajor == major && Integer.parseInt(m.group(2)) >= minor);
    }

    private Support windowsWithWsl2() {
        if (facts.os() != OperatingSystem.WINDOWS) {
            return Support.no("vmType wsl2 needs Windows 10 build " + WSL2_MIN_WINDOWS_BUILD
                    + " or later, or Windows 11; this host runs " + facts.os());
        }
        int build = facts.windowsBuild();
        return build >= WSL2_MIN_WINDOWS_BUILD
                ? Support.yes("WSL2 on Windows build " + build)
                : Support.no("vmType wsl2 needs Windows 10 build " + WSL2_MIN_WINDOWS_BUILD
                        + " or later, or Windows 11; this host is build " + (build == 0 ? "unknown" : build));
    }

    private String accelerationNote() {
        return facts.bestAccelerator().map(a -> " with " + a).orElse("");
    }
}
