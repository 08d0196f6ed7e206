package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.Engine;
import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.host.GuestKernelFacts;
import dev.limajunit.core.process.PathLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots a small real Linux guest with QEMU directly (no Lima needed) and wires 9p, virtiofs and reverse-sshfs
 * mounts the way Lima does on QEMU. The guest kit (kernel, initramfs) is built once and cached; see
 * {@link GuestKitBuilder}. Immutable: the {@code with*} methods return a changed copy.
 */
public final class QemuEngine implements Engine {

    private static final Logger LOG = LoggerFactory.getLogger(QemuEngine.class);

    public static final String NAME = "qemu";
    static final String QEMU_PACKAGE = "qemu-system-x86";
    private static final Set<MountType> SUPPORTED = Set.of(MountType.NINEP, MountType.VIRTIOFS,
            MountType.REVERSE_SSHFS);

    private final QemuSettings settings;

    private QemuEngine(QemuSettings settings) {
        this.settings = settings;
    }

    /**
     * The engine with the host's qemu-system-x86_64 from PATH, the cached guest kit, and tests acting as Lima's user
     * ({@link GuestUser#fromSystem()}).
     *
     * @throws IllegalArgumentException when {@code lima.guestUser} has a value other than lima or root
     */
    public static QemuEngine create() {
        Map<SftpDriver, SftpServerFactory> servers = new EnumMap<>(SftpDriver.class);
        OpenSshSftpServer.find().ifPresent(server -> servers.put(SftpDriver.OPENSSH_SFTP_SERVER, server));
        servers.put(SftpDriver.BUILTIN, new BuiltinSftpServer());
        Path qemu = PathLookup.of(System.getenv()).find("qemu-system-x86_64").orElse(null);
        return new QemuEngine(new QemuSettings(qemu, null, null, servers, null, null, GuestUser.fromSystem(),
                snapshotsByDefault()));
    }

    /** Uses this QEMU binary instead of the one on PATH. */
    public QemuEngine withQemuBinary(Path value) {
        return new QemuEngine(settings.withQemuBinary(value));
    }

    /** Boots this kernel image instead of the kit's (the kit's initramfs and modules stay). */
    public QemuEngine withKernel(Path value) {
        return new QemuEngine(settings.withKernelOverride(value));
    }

    /** "tcg" or "kvm". */
    public QemuEngine withAccelerator(String value) {
        QemuAccelerator.arguments(value); // validates
        return new QemuEngine(settings.withAccelerator(value));
    }

    /** Serves reverse-sshfs mounts whose {@code sftpDriver} is {@code driver} with {@code factory} (e.g. builtin). */
    public QemuEngine withSftpServer(SftpDriver driver, SftpServerFactory factory) {
        Map<SftpDriver, SftpServerFactory> servers = new EnumMap<>(SftpDriver.class);
        servers.putAll(settings.sftpServers());
        servers.put(driver, factory);
        return new QemuEngine(settings.withSftpServers(servers));
    }

    /**
     * How long a booting guest may print nothing at all on its serial console before its QEMU counts as stalled, is
     * stopped and booted once more with the start time that is left. Default: a minute, or a third of the start
     * timeout when that is longer (a healthy guest prints within seconds; 38 s was the worst seen on a 2-core host at
     * load 20).
     */
    public QemuEngine withStallTimeout(Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("stallTimeout " + value + " must be a positive duration");
        }
        return new QemuEngine(settings.withStallTimeout(value));
    }

    /**
     * Keeps the built guest parts (kernel, initramfs) in this directory instead of the user's cache
     * ({@code -Dlima.cacheDir}, {@code LIMA_JUNIT_CACHE}, {@code $XDG_CACHE_HOME/lima-junit} or
     * {@code ~/.cache/lima-junit}).
     */
    public QemuEngine withCacheDirectory(Path value) {
        return new QemuEngine(settings.withCacheDirectory(value));
    }

    /** Tests act as this guest user ({@link GuestUser#root()} for root); the engine's own work stays root. */
    public QemuEngine withGuestUser(GuestUser value) {
        return new QemuEngine(settings.withGuestUser(Objects.requireNonNull(value, "guestUser")));
    }

    /**
     * Whether guests start from a boot snapshot (see docs/engines.md, "Boot snapshots"): a guest booted once with the
     * same machine and device shape, saved by QEMU and restored in about a second. On by default; off with
     * {@code -Dlima.snapshots=false} or {@code LIMA_JUNIT_SNAPSHOTS=false}. Whatever does not fit falls back to a
     * cold boot, logged with the reason.
     */
    public QemuEngine withSnapshots(boolean value) {
        return new QemuEngine(settings.withSnapshots(value));
    }

    /** {@code -Dlima.snapshots}, else {@code LIMA_JUNIT_SNAPSHOTS}, else true. */
    static boolean snapshotsByDefault() {
        String value = System.getProperty("lima.snapshots", "");
        if (value.isBlank()) {
            // an empty property (the build passes it on unset) defers to the environment
            value = System.getenv().getOrDefault("LIMA_JUNIT_SNAPSHOTS", "");
        }
        if (value.isBlank()) {
            return true;
        }
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("lima.snapshots \"" + value + "\" must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("the qemu engine runs on Linux hosts only (this is " + System.getProperty("os.name")
                    + ")");
        }
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Optional.of("the qemu engine boots x86_64 guests on x86_64 hosts only (this host is " + arch + ")");
        }
        Path qemuBinary = settings.qemuBinary();
        if (qemuBinary == null || !Files.isExecutable(qemuBinary)) {
            return Optional.of((qemuBinary == null ? "qemu-system-x86_64 is not on PATH" : qemuBinary
                    + " is not an executable")
                    + ": install the Debian package " + QEMU_PACKAGE + " (apt-get install " + QEMU_PACKAGE + ")");
        }
        return Optional.empty();
    }

    @Override
    public Instance start(ResolvedInstance spec, StartOptions options) {
        unavailableReason().ifPresent(reason -> {
            throw new InstanceStartException("instance " + options.name() + ": " + reason);
        });
        if (spec.vmType() != VmType.QEMU) {
            throw new InstanceStartException("instance " + options.name() + ": vmType \"" + spec.vmType()
                    + "\" is not supported by the qemu engine (it boots vmType \"qemu\" only)");
        }
        if (!SUPPORTED.contains(spec.mountType())) {
            throw new InstanceStartException("instance " + options.name() + ": mountType \"" + spec.mountType()
                    + "\" is not supported by the qemu engine (supported: 9p, virtiofs, reverse-sshfs)");
        }
        long started = System.nanoTime();
        if (settings.snapshots()) {
            try {
                return bootOnce(spec, options, true);
            } catch (SnapshotRestoreException e) {
                LOG.warn("lima-junit: instance {}: {}; booting the guest cold", options.name(), e.getMessage());
                return bootOnce(spec, options.withStartTimeout(options.startTimeout()
                        .minusNanos(System.nanoTime() - started)), false);
            }
        }
        return bootOnce(spec, options, false);
    }

    /** One boot, and one more when the first stalls before the guest printed anything. */
    private Instance bootOnce(ResolvedInstance spec, StartOptions options, boolean restore) {
        long started = System.nanoTime();
        try {
            return new QemuBoot(settings, spec, options, restore).run();
        } catch (GuestStalledException stalled) {
            // Everything the stalled boot started is stopped already; one fresh boot gets the time that is left.
            Duration left = options.startTimeout().minusNanos(System.nanoTime() - started);
            if (left.compareTo(Duration.ofSeconds(30)) < 0) {
                throw stalled;
            }
            LOG.warn("lima-junit: {}; booting it once more", stalled.getMessage());
            try {
                return new QemuBoot(settings, spec, options.withStartTimeout(left), restore).run();
            } catch (GuestStalledException again) {
                throw new InstanceStartException(again.getMessage() + "; the first boot stalled the same way, so this "
                        + "host cannot run the guest now (see docs/troubleshooting.md, \"stalled\")", again);
            }
        }
    }

    /** The QEMU binary this engine runs; null when there is none on PATH. */
    Path qemuBinary() {
        return settings.qemuBinary();
    }

    /**
     * What the guest kernel can mount: everything, since the guest kit is not built unless the kernel has 9p,
     * virtiofs and FUSE (as modules or built in). For {@code HostProbe.withGuestKernel}.
     */
    public static GuestKernelFacts guestKernelFacts() {
        return GuestKernelFacts.all();
    }
}
