package dev.limajunit.core.host;

import dev.limajunit.core.config.LimaVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the host offers, as facts: gathered once by {@link HostProbe}, or written by hand in tests. Rules
 * ({@link MountSupport}, {@code SpecResolver}) read only these, so each rule can be tested on any machine.
 *
 * @param os           operating system family
 * @param osVersion    macOS product version ({@code 13.4.1}), Windows {@code 10.0.BUILD}, or the Linux kernel release
 * @param arch         {@code x86_64} or {@code aarch64} (Lima's spelling)
 * @param effectiveUid effective user id; -1 where there is none (Windows) or it is unknown
 * @param cpus         host CPUs
 * @param memoryBytes  host memory
 * @param home         the user's home directory (what {@code ~} expands to)
 * @param limactl      {@code limactl} on PATH, or {@code null}
 * @param limaVersion  its version, or {@code null} when there is no limactl
 * @param qemuSystem   the {@code qemu-system-ARCH} binary for the host arch, or {@code null}
 * @param accelerators every accelerator that was tried, and whether it really ran a guest
 * @param virtiofsd    a virtiofsd, or {@code null}
 * @param sshfs        host {@code sshfs} (the qemu engine copies it into its guest), or {@code null}
 * @param sftpServer   OpenSSH's {@code sftp-server}, or {@code null}
 * @param guestKernel  what the guest kernel can mount (injected by the engine that knows its kernel)
 */
public record HostFacts(
        OperatingSystem os,
        String osVersion,
        String arch,
        int effectiveUid,
        int cpus,
        long memoryBytes,
        Path home,
        Tool limactl,
        LimaVersion limaVersion,
        Tool qemuSystem,
        List<AcceleratorCheck> accelerators,
        Virtiofsd virtiofsd,
        Tool sshfs,
        Tool sftpServer,
        GuestKernelFacts guestKernel) {

    private static final Pattern WINDOWS_BUILD = Pattern.compile("^\\d+\\.\\d+\\.(\\d+)");
    private static final Pattern DOTTED = Pattern.compile("^(\\d+)(?:\\.(\\d+))?");

    public HostFacts {
        Objects.requireNonNull(os, "os");
        osVersion = osVersion == null ? "" : osVersion;
        arch = arch == null ? "" : arch;
        Objects.requireNonNull(home, "home");
        accelerators = accelerators == null ? List.of() : List.copyOf(accelerators);
        guestKernel = guestKernel == null ? GuestKernelFacts.UNKNOWN : guestKernel;
    }

    /** This host's facts, probed once per JVM; see {@link HostProbe#cached()}. */
    public static HostFacts current() {
        return HostProbe.cached();
    }

    public boolean isRoot() {
        return effectiveUid == 0;
    }

    /** Windows build number ({@code 19041}), or 0 on other systems or when unknown. */
    public int windowsBuild() {
        if (os != OperatingSystem.WINDOWS) {
            return 0;
        }
        Matcher m = WINDOWS_BUILD.matcher(osVersion);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Whether this is macOS of at least {@code major.minor}; false on other systems or an unknown version. */
    public boolean isMacOsAtLeast(int major, int minor) {
        if (os != OperatingSystem.MACOS) {
            return false;
        }
        Matcher m = DOTTED.matcher(osVersion);
        if (!m.find()) {
            return false;
        }
        int foundMajor = Integer.parseInt(m.group(1));
        int foundMinor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return foundMajor > major || (foundMajor == major && foundMinor >= minor);
    }

    /** The accelerators that really ran a guest, best first (hardware before TCG). */
    public List<Accelerator> workingAccelerators() {
        return accelerators.stream().filter(AcceleratorCheck::works).map(AcceleratorCheck::accelerator).sorted()
                .toList();
    }

    /** The accelerator the qemu engine should use, or empty when none works (or there is no QEMU). */
    public Optional<Accelerator> bestAccelerator() {
        return workingAccelerators().stream().findFirst();
    }

    /** The Lima version whose defaults apply: the installed limactl's, else the one the qemu engine models. */
    public LimaVersion effectiveLimaVersion() {
        return limaVersion != null ? limaVersion : LimaVersion.MODELLED;
    }

    /** Same facts, with what the guest kernel can mount (the engine that builds the guest knows it). */
    public HostFacts withGuestKernel(GuestKernelFacts value) {
        return toBuilder().guestKernel(value).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A builder that starts from a plain Linux x86_64 host with nothing installed (for tests and tools). */
    public static Builder builder() {
        return new Builder(new HostFacts(OperatingSystem.LINUX, "6.1.0", "x86_64", 1000, 2, 4L << 30,
                Path.of("/home/user"), null, null, null, List.of(), null, null, null, GuestKernelFacts.UNKNOWN));
    }

    /** Builds {@link HostFacts} field by field. */
    public static final class Builder {
        private OperatingSystem os;
        private String osVersion;
        private String arch;
        private int effectiveUid;
        private int cpus;
        private long memoryBytes;
        private Path home;
        private Tool limactl;
        private LimaVersion limaVersion;
        private Tool qemuSystem;
        private List<AcceleratorCheck> accelerators;
        private Virtiofsd virtiofsd;
        private Tool sshfs;
        private Tool sftpServer;
        private GuestKernelFacts guestKernel;

        private Builder(HostFacts from) {
            os = from.os;
            osVersion = from.osVersion;
            arch = from.arch;
            effectiveUid = from.effectiveUid;
            cpus = from.cpus;
            memoryBytes = from.memoryBytes;
            home = from.home;
            limactl = from.limactl;
            limaVersion = from.limaVersion;
            qemuSystem = from.qemuSystem;
            accelerators = from.accelerators;
            virtiofsd = from.virtiofsd;
            sshfs = from.sshfs;
            sftpServer = from.sftpServer;
            guestKernel = from.guestKernel;
        }

        public Builder os(OperatingSystem value, String version) {
            os = value;
            osVersion = version;
            return this;
        }

        public Builder arch(String value) {
            arch = value;
            return this;
        }

        public Builder effectiveUid(int value) {
            effectiveUid = value;
            return this;
        }

        public Builder cpus(int value) {
            cpus = value;
            return this;
        }

        public Builder memoryBytes(long value) {
            memoryBytes = value;
            return this;
        }

        public Builder home(Path value) {
            home = value;
            return this;
        }

        /** limactl and its version; {@code null} for none. */
        public Builder limactl(Tool value, LimaVersion version) {
            limactl = value;
            limaVersion = version;
            return this;
        }

        public Builder qemuSystem(Tool value) {
            qemuSystem = value;
            return this;
        }

        public Builder accelerators(List<AcceleratorCheck> value) {
            accelerators = value;
            return this;
        }

        public Builder virtiofsd(Virtiofsd value) {
            virtiofsd = value;
            return this;
        }

        public Builder sshfs(Tool value) {
            sshfs = value;
            return this;
        }

        public Builder sftpServer(Tool value) {
            sftpServer = value;
            return this;
        }

        public Builder guestKernel(GuestKernelFacts value) {
            guestKernel = value;
            return this;
        }

        public HostFacts build() {
            return new HostFacts(os, osVersion, arch, effectiveUid, cpus, memoryBytes, home, limactl, limaVersion,
                    qemuSystem, accelerators, virtiofsd, sshfs, sftpServer, guestKernel);
        }
    }
}
