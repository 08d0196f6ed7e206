package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.support.BootPhases;
import dev.limajunit.core.engine.support.GuestMountCheck;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of one instance, phase by phase: kit and mount wirings, accelerator, the guest launched ({@link ColdLaunch}
 * or {@link RestoredLaunch}), each mount, the user's shell, the inotify forwarder. Everything started is in
 * {@link StartedParts}, so a failure anywhere stops it all again.
 */
final class QemuBoot {

    private static final int SERIAL_TAIL_LINES = 50;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private static final Logger LOG = LoggerFactory.getLogger(QemuBoot.class);

    private final QemuSettings settings;
    private final boolean restore;
    private final ResolvedInstance spec;
    private final StartOptions options;
    private final StartDeadline deadline;
    private final BootPhases phases;
    private final StartedParts started = new StartedParts();
    private final Map<String, Path> diagnostics = new LinkedHashMap<>();
    private SerialConsole serial;

    /** @param restore whether to start from a boot snapshot (made when missing) rather than boot cold */
    QemuBoot(QemuSettings settings, ResolvedInstance spec, StartOptions options, boolean restore) {
        this.settings = settings;
        this.restore = restore;
        this.spec = spec;
        this.options = options;
        this.deadline = StartDeadline.startTimeout(options.startTimeout());
        this.phases = new BootPhases(options.name(), options.progress());
    }

    QemuInstance run() {
        try {
            return boot();
        } catch (RuntimeException | IOException e) {
            started.endAllAfter(e);
            if (e instanceof InstanceStartException ise) {
                throw ise;
            }
            throw failure(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private QemuInstance boot() throws IOException {
        Path dir = instanceDirectory();
        serial = new SerialConsole(dir.resolve("serial.log"));
        Path qemuStderr = dir.resolve("qemu.stderr.log");
        diagnostics.put("serial.log", serial.file());
        diagnostics.put("qemu.stderr.log", qemuStderr);

        long t = System.nanoTime();
        GuestKit kit = settings.guestKit();
        Path clientKey = dir.resolve("id_ed25519");
        HostTool.run(dir, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lima-junit-" + options.name(),
                "-f", clientKey.toString()));
        SshClientWarmUp.startInBackground(clientKey);
        List<MountWiring> wirings = new MountWiringFactory(settings, dir).create(spec.mountType(),
                spec.mounts());
        for (MountWiring wiring : wirings) {
            started.add(wiring);
            wiring.helperLog().ifPresent(log -> diagnostics.put(log.getFileName().toString(), log));
        }
        phases.done("kit", t);

        t = System.nanoTime();
        String accelerator = settings.chosenAccelerator();
        phases.done("accelerator", t);

        GuestUser user = settings.guestUser();
        GuestLogin login = new GuestLogin(Files.readString(dir.resolve("id_ed25519.pub")).strip(), user);
        QemuMachine machine = new QemuMachine(settings.qemuBinary(), accelerator, spec.cpus(), spec.memoryBytes(),
                settings.kernel(kit), kit.initramfs(), login);
        BootContext context = new BootContext(options.name(), dir, serial, qemuStderr, phases, deadline, started,
                clientKey, HostKeyPolicy.expect(kit.hostPublicKey()), user);
        GuestLaunch launch = launchFor(machine, context);
        for (MountWiring wiring : wirings) {
            wiring.startBeforeQemu();
        }
        RunningGuest guest = launch.launch(machine, wirings);

        mountAll(wirings, guest.root());
        GuestShell shell = guest.root();
        SshTarget target = guest.sessions().target("root");
        if (guest.userSession().isPresent()) {
            // Tests act as Lima's user; the engine's own work (mounting, the forwarder) stays root.
            t = System.nanoTime();
            target = guest.sessions().target(user.name());
            shell = new GuestUserShell(user, GuestSessions.join(guest.userSession().get()), guest.root());
            phases.done("ssh-user", t);
        }
        List<MountedDirectory> mounts = new ArrayList<>();
        for (MountWiring wiring : wirings) {
            ResolvedMount m = wiring.mount();
            mounts.add(new MountedDirectory(m, spec.mountType(), m.location(), GuestPath.of(m.mountPoint()), shell));
        }
        InotifyForwarder inotify = null;
        if (spec.mountInotify()) {
            t = System.nanoTime();
            inotify = InotifyForwarder.start(guest.root(), mounts);
            started.add(inotify);
            phases.done("inotify", t);
        }
        return new QemuInstance(options.name(), spec, guest.qemu().process(), shell, guest.root(), target, wirings,
                mounts, phases.millis(), diagnostics, inotify);
    }

    /** A restore when snapshots are on and this machine's snapshot exists or can be made; a cold boot otherwise. */
    private GuestLaunch launchFor(QemuMachine machine, BootContext context) {
        Duration silentLimit = settings.stallTimeout(options.startTimeout());
        if (restore) {
            BootSnapshot snapshot = snapshot(machine, silentLimit);
            if (snapshot != null) {
                return new RestoredLaunch(context, snapshot);
            }
        }
        return new ColdLaunch(context, silentLimit);
    }

    /** Mounts each in the guest as root (phase mount[i]), then checks them all in the guest's /proc/mounts. */
    private void mountAll(List<MountWiring> wirings, GuestShell root) throws IOException {
        for (MountWiring wiring : wirings) {
            long t = System.nanoTime();
            ResolvedMount m = wiring.mount();
            try {
                wiring.mountInGuest(root);
            } catch (RuntimeException | IOException e) {
                // name the mount: "mkdir failed" alone does not say which of several mounts broke the start
                throw failure(m.describe() + " (" + spec.mountType() + " at " + m.mountPoint()
                        + ") could not be mounted in the guest: " + e.getMessage(), e);
            }
            phases.done("mount[" + m.index() + "]", t);
        }
        List<MountWiring> missing = GuestMounts.missing(root, spec.mountType(), wirings);
        if (!missing.isEmpty()) {
            String fsType = GuestMountCheck.expectedFsType(spec.mountType()).orElseThrow();
            throw failure("mounted but missing from the guest's /proc/mounts: " + missing.stream()
                    .map(w -> w.mount().describe() + " at " + w.mount().mountPoint() + " (" + fsType + ")")
                    .collect(Collectors.joining(", ")), null);
        }
    }

    /** This machine's boot snapshot, made when missing; null (logged, with the reason) when none can be made. */
    private BootSnapshot snapshot(QemuMachine machine, Duration silentLimit) {
        long t = System.nanoTime();
        try {
            long free = Files.getFileStore(QemuCommandLine.SHARED_MEMORY_DIRECTORY).getUsableSpace();
            if (free < spec.memoryBytes()) {
                // a restored guest's memory is a file there: a guest outgrowing a full tmpfs dies of SIGBUS
                throw new IllegalStateException(QemuCommandLine.SHARED_MEMORY_DIRECTORY + " has " + (free >> 20)
                        + " MiB free, less than the guest's memory of " + (spec.memoryBytes() >> 20) + " MiB");
            }
            return settings.bootSnapshots().obtain(machine, SnapshotShape.of(spec), deadline.remaining(), silentLimit);
        } catch (RuntimeException | IOException e) {
            LOG.warn("lima-junit: instance {}: no boot snapshot ({}); booting the guest cold", options.name(),
                    e.getMessage());
            return null;
        } finally {
            phases.done("snapshot", t);
        }
    }

    /** Short, so that unix socket paths stay under 108 characters. */
    private Path instanceDirectory() throws IOException {
        String safe = options.name().replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 24) {
            safe = safe.substring(0, 24);
        }
        return Files.createDirectories(SessionDirectory.get().resolve(safe + "-" + COUNTER.incrementAndGet()));
    }

    /** The start's failure: whose start, the reason, and the end of the serial log. */
    private InstanceStartException failure(String reason, Throwable cause) {
        StringBuilder message = new StringBuilder(BootContext.who(options.name()) + ": " + reason);
        if (serial != null && Files.exists(serial.file())) {
            message.append("\n--- last ").append(SERIAL_TAIL_LINES).append(" lines of the serial log ")
                    .append(serial.file()).append(" ---\n").append(serial.tail(SERIAL_TAIL_LINES));
        }
        return cause == null ? new InstanceStartException(message.toString())
                : new InstanceStartException(message.toString(), cause);
    }
}
