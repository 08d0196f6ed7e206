package dev.limajunit.core.host;

import dev.limajunit.core.config.LimaVersion;
import dev.limajunit.core.process.PathLookup;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gathers {@link HostFacts} from this host: OS and version (JNA), arch, effective uid (JNA), limactl and its version,
 * qemu-system and the accelerators that really work ({@link AcceleratorProbe}), virtiofsd ({@link VirtiofsdLocator}),
 * sshfs and sftp-server. Probing costs up to the accelerator probe's timeout; {@link #cached()} keeps the result
 * for the JVM and reuses accelerator results from earlier JVMs of the same boot. What the guest kernel can mount comes
 * from whoever knows the kernel ({@link #withGuestKernel}).
 */
public final class HostProbe {

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(3);

    /** Where packages put binaries that are not on PATH (Lima searches the same places). */
    private static final String[] SFTP_SERVER_PLACES = {"/usr/libexec/sftp-server", "/usr/lib/openssh/sftp-server",
        "/usr/lib/sftp-server", "/usr/libexec/openssh/sftp-server", "/usr/lib/ssh/sftp-server"};

    private static volatile HostFacts cached;

    private final PathLookup finder;
    private final AcceleratorProbe acceleratorProbe;
    private final boolean reuseProbedAccelerators;
    private final Supplier<GuestKernelFacts> guestKernel;

    /** A probe that boots its accelerator probes afresh (and records the results for {@link #cached()}). */
    public HostProbe() {
        this(pathLookup(), new AcceleratorProbe(), false, () -> GuestKernelFacts.UNKNOWN);
    }

    private HostProbe(PathLookup finder, AcceleratorProbe acceleratorProbe, boolean reuseProbedAccelerators,
            Supplier<GuestKernelFacts> guestKernel) {
        this.finder = finder;
        this.acceleratorProbe = acceleratorProbe;
        this.reuseProbedAccelerators = reuseProbedAccelerators;
        this.guestKernel = guestKernel;
    }

    /** The PATH lookup on this host: its {@code PATH}, with {@code .exe} names on Windows. */
    static PathLookup pathLookup() {
        return new PathLookup(System.getenv("PATH"), OperatingSystem.current() == OperatingSystem.WINDOWS);
    }

    /** This probe without the accelerator probe (which boots QEMU): for callers that need only the rest, fast. */
    public HostProbe withoutAccelerators() {
        return new HostProbe(finder, null, false, guestKernel);
    }

    /**
     * This probe, reusing accelerator results an earlier JVM probed for the same QEMU in the same boot (a broken
     * accelerator costs its full probe timeout, so only the first JVM after a boot should pay it).
     */
    public HostProbe reusingProbedAccelerators() {
        return new HostProbe(finder, acceleratorProbe, true, guestKernel);
    }

    /** This probe, with the guest kernel's abilities supplied by the engine that builds the guest. */
    public HostProbe withGuestKernel(Supplier<GuestKernelFacts> value) {
        return new HostProbe(finder, acceleratorProbe, reuseProbedAccelerators, value);
    }

    /** This host's facts, probed once per JVM (guest kernel unknown: add it with {@link HostFacts#withGuestKernel}). */
    public static HostFacts cached() {
        HostFacts facts = cached;
        if (facts == null) {
            synchronized (HostProbe.class) {
                facts = cached;
                if (facts == null) {
                    facts = new HostProbe().reusingProbedAccelerators().probe();
                    cached = facts;
                }
            }
        }
        return facts;
    }

    /** Probes now (no cache). */
    public HostFacts probe() {
        OperatingSystem os = OperatingSystem.current();
        String arch = limaArch(System.getProperty("os.arch", ""));
        Path home = Path.of(System.getProperty("user.home"));
        HostFacts.Builder b = HostFacts.builder()
                .os(os, osVersion(os))
                .arch(arch)
                .effectiveUid(effectiveUid())
                .cpus(Runtime.getRuntime().availableProcessors())
                .memoryBytes(totalMemory())
                .home(home);

        finder.find("limactl").ifPresent(path -> {
            String version = versionLine(path, "--version");
            b.limactl(new Tool(path, version), parseLima(version));
        });
        Optional<Path> qemu = finder.find("qemu-system-" + arch);
        qemu.ifPresent(path -> {
            b.qemuSystem(new Tool(path, versionLine(path, "--version")));
            if (acceleratorProbe != null) {
                b.accelerators(accelerators(path, os, arch));
            }
        });
        b.virtiofsd(VirtiofsdLocator.forThisHost(finder, home, qemu.orElse(null)).locate().orElse(null));
        finder.find("sshfs").ifPresent(path -> b.sshfs(new Tool(path, "")));
        finder.find("sftp-server", SFTP_SERVER_PLACES).ifPresent(path -> b.sftpServer(new Tool(path, "")));
        b.guestKernel(guestKernel.get());
        return b.build();
    }

    private List<AcceleratorCheck> accelerators(Path qemu, OperatingSystem os, String arch) {
        AcceleratorCache cache = AcceleratorCache.inUserCache();
        if (reuseProbedAccelerators) {
            Optional<List<AcceleratorCheck>> known = cache.load(qemu, os, arch);
            if (known.isPresent()) {
                return known.get();
            }
        }
        List<AcceleratorCheck> checks = acceleratorProbe.probe(qemu, os, arch);
        cache.store(qemu, os, arch, checks);
        return checks;
    }

    /** This process's effective uid; -1 where there is none (Windows) or it is unknown. */
    public static int effectiveUid() {
        return NativeHost.effectiveUid(OperatingSystem.current()).orElse(-1);
    }

    /** Lima's spelling of the host arch: {@code x86_64} or {@code aarch64}. */
    static String limaArch(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> osArch;
        };
    }

    private static String osVersion(OperatingSystem os) {
        return switch (os) {
            case MACOS -> NativeHost.macOsProductVersion().orElse(System.getProperty("os.version", ""));
            case WINDOWS -> NativeHost.windowsVersion().orElse(System.getProperty("os.version", ""));
            default -> System.getProperty("os.version", "");
        };
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean) {
            return bean.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static LimaVersion parseLima(String version) {
        try {
            return LimaVersion.parse(version);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String versionLine(Path binary, String option) {
        return HostCommand.run(VERSION_TIMEOUT, binary, option).map(HostCommand.Result::firstLine).orElse("");
    }
}
