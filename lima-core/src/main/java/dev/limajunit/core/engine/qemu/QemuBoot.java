package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.support.BootPhases;
import dev.limajunit.core.engine.support.GuestMountCheck;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import dev.limajunit.core.shell.ssh.SshShellOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of one instance, phase by phase: kit, QEMU, kernel and init (read off the serial console), SSH, each
 * mount. Everything started is remembered so a failure anywhere stops it all again.
 */
final class QemuBoot {

    private static final int SERIAL_TAIL_LINES = 50;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** The guest's sshd accepts this many sessions; the shell may open as many channels at once. */
    private static final int MAX_SESSIONS = 64;

    private static final Logger LOG = LoggerFactory.getLogger(QemuBoot.class);

    private final QemuEngine engine;
    private final boolean restore;
    private final ResolvedInstance spec;
    private final StartOptions options;
    private final long deadline;
    private final BootPhases phases;
    private final Map<String, Path> diagnostics = new LinkedHashMap<>();
    /** Synchronized: a restore opens two SSH sessions at once. */
    private final List<AutoCloseable> started = Collections.synchronizedList(new ArrayList<>());
    private Path dir;
    private SerialConsole serial;
    private Path qemuStderr;
    private String accelerator;

    /** @param restore whether to start from a boot snapshot (made when missing) rather than boot cold */
    QemuBoot(QemuEngine engine, ResolvedInstance spec, StartOptions options, boolean restore) {
        this.engine = engine;
        this.restore = restore;
        this.spec = spec;
        this.options = options;
        this.deadline = System.nanoTime() + options.startTimeout().toNanos();
        this.phases = new BootPhases(options.name(), options.progress());
    }

    QemuInstance run() {
        try {
            return boot();
        } catch (RuntimeException | IOException e) {
            List<AutoCloseable> reverse = new ArrayList<>(started);
            Collections.reverse(reverse);
            try {
                QemuInstance.closeAll(reverse);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof InstanceStartException ise) {
                throw ise;
            }
            throw failure(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    private QemuInstance boot() throws IOException {
        dir = instanceDirectory();
        serial = new SerialConsole(dir.resolve("serial.log"));
        qemuStderr = dir.resolve("qemu.stderr.log");
        diagnostics.put("serial.log", serial.file());
        diagnostics.put("qemu.stderr.log", qemuStderr);

        long t = System.nanoTime();
        GuestKit kit = engine.guestKit();
        Path kernel = engine.kernelOverride().orElse(kit.kernel());
        Path clientKey = dir.resolve("id_ed25519");
        HostTool.run(dir, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lima-junit-" + options.name(),
                "-f", clientKey.toString()));
        SshClientWarmUp.startInBackground(clientKey);
        List<MountWiring> wirings = wirings();
        phases.done("kit", t);

        t = System.nanoTime();
        accelerator = engine.accelerator();
        phases.done("accelerator", t);

        GuestUser user = engine.guestUser();
        GuestLogin login = new GuestLogin(Files.readString(dir.resolve("id_ed25519.pub")).strip(), user);
        QemuMachine machine = new QemuMachine(engine.qemuBinary(), accelerator, spec.cpus(), spec.memoryBytes(),
                kernel, kit.initramfs(), login);
        BootSnapshot snapshot = restore ? snapshot(machine) : null;
        for (MountWiring wiring : wirings) {
            wiring.startBeforeQemu();
        }
        HostKeyPolicy hostKey = HostKeyPolicy.expect(kit.hostPublicKey());
        LaunchedQemu qemu;
        QemuExit exit;
        GuestShell rootShell;
        CompletableFuture<GuestShell> userSession = null;
        if (snapshot == null) {
            long launched = System.nanoTime();
            // shared guest memory for vhost-user (virtiofsd) only, as Lima has it
            Path memory = wirings.stream().anyMatch(MountWiring::needsSharedMemory)
                    ? QemuCommandLine.SHARED_MEMORY_DIRECTORY : null;
            qemu = launch(machine, memory,
                    wirings.stream().flatMap(w -> w.qemuArguments().stream()).toList(), null, null);
            awaitReady(qemu.process());
            recordGuestPhases(launched);
            t = System.nanoTime();
            exit = new QemuExit(options.name(), qemu.process(), serial);
            rootShell = connect(new SshTarget("127.0.0.1", qemu.sshPort(), "root", clientKey, hostKey), exit);
            if (!user.isRoot()) {
                userSession = CompletableFuture.completedFuture(connect(new SshTarget("127.0.0.1", qemu.sshPort(),
                        user.name(), clientKey, hostKey), exit));
            }
        } else {
            t = System.nanoTime();
            Path qmpSocket = dir.resolve("qmp.sock");
            Path memory = privateMemoryCopy(snapshot);
            qemu = launch(machine.withLogin(new GuestLogin(snapshot.publicKeyLine(), user)), memory,
                    wirings.stream().filter(w -> !w.hotPluggedOnRestore())
                            .flatMap(w -> w.qemuArguments().stream()).toList(), qmpSocket, "defer");
            try {
                SnapshotRestore.resume(qemu.process(), qmpSocket, qemuStderr, snapshot, wirings, deadline);
            } finally {
                // QEMU holds it open (and hands virtiofsd its descriptor): unlinked now, it goes with QEMU
                Files.deleteIfExists(memory);
            }
            phases.done("restore", t);
            t = System.nanoTime();
            exit = new QemuExit(options.name(), qemu.process(), serial);
            rootShell = adoptRestoredGuest(snapshot, qemu.sshPort(), hostKey, login, wirings, exit);
            if (!user.isRoot()) {
                // The first handshake of a restored QEMU pays for translating the guest's SSH code (TCG); the user's,
                // the second, overlaps with the mounting below.
                userSession = connectInBackground(new SshTarget("127.0.0.1", qemu.sshPort(), user.name(), clientKey,
                        hostKey), exit);
            }
        }
        phases.done("ssh", t);

        for (MountWiring wiring : wirings) {
            t = System.nanoTime();
            ResolvedMount m = wiring.mount();
            try {
                wiring.mountInGuest(rootShell);
            } catch (RuntimeException | IOException e) {
                // name the mount: "mkdir failed" alone does not say which of several mounts broke the start
                throw failure(m.describe() + " (" + spec.mountType() + " at " + m.mountPoint()
                        + ") could not be mounted in the guest: " + e.getMessage(), e);
            }
            phases.done("mount[" + m.index() + "]", t);
        }
        List<MountWiring> missing = GuestMounts.missing(rootShell, spec.mountType(), wirings);
        if (!missing.isEmpty()) {
            String fsType = GuestMountCheck.expectedFsType(spec.mountType()).orElseThrow();
            throw failure("mounted but missing from the guest's /proc/mounts: " + missing.stream()
                    .map(w -> w.mount().describe() + " at " + w.mount().mountPoint() + " (" + fsType + ")")
                    .collect(Collectors.joining(", ")), null);
        }
        GuestShell shell = rootShell;
        SshTarget target = new SshTarget("127.0.0.1", qemu.sshPort(), "root", clientKey, hostKey);
        if (userSession != null) {
            // Tests act as Lima's user; the engine's own work (mounting, the forwarder) stays root.
            t = System.nanoTime();
            target = new SshTarget("127.0.0.1", qemu.sshPort(), user.name(), clientKey, hostKey);
            shell = new GuestUserShell(user, join(userSession), rootShell);
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
            inotify = InotifyForwarder.start(rootShell, mounts);
            started.add(inotify);
            phases.done("inotify", t);
        }
        return new QemuInstance(options.name(), spec, qemu.process(), shell, rootShell, target, wirings, mounts,
                phases.millis(), diagnostics, inotify);
    }

    private GuestShell connect(SshTarget target, QemuExit exit) {
        return connect(target, exit, Command.of("true"));
    }

    /** A session whose first command, {@code first}, has run; in {@link #started}. */
    private GuestShell connect(SshTarget target, QemuExit exit, Command first) {
        GuestShell shell = open(target, exit, first);
        started.add(shell);
        return shell;
    }

    private GuestShell open(SshTarget target, QemuExit exit) {
        return open(target, exit, Command.of("true"));
    }

    /** A session whose first command, {@code first}, has run; not yet in {@link #started}. */
    private GuestShell open(SshTarget target, QemuExit exit, Command first) {
        GuestShell shell = new VmExitAwareShell(SshGuestShell.connect(target,
                SshShellOptions.defaults().withConnectTimeout(remaining()).withMaxSessions(MAX_SESSIONS)), exit);
        try {
            shell.execChecked(first);
        } catch (RuntimeException e) {
            shell.close();
            throw e;
        }
        return shell;
    }

    private record LaunchedQemu(ManagedProcess process, int sshPort) {}

    /**
     * Root's session in a restored guest, opened with the snapshot's key; its first command makes the guest this
     * instance's own ({@link RestoredGuest}), after which only this instance's key logs in.
     */
    private GuestShell adoptRestoredGuest(BootSnapshot snapshot, int sshPort, HostKeyPolicy hostKey, GuestLogin login,
                                          List<MountWiring> wirings, QemuExit exit) {
        try {
            int hotPlugged = (int) wirings.stream().filter(MountWiring::hotPluggedOnRestore).count();
            // the adoption is the session's first command: a round trip less than a "true" before it
            return connect(new SshTarget("127.0.0.1", sshPort, "root", snapshot.privateKey(), hostKey), exit,
                    Command.shell(RestoredGuest.command(login, hotPlugged,
                            Math.round(System.currentTimeMillis() / 1000.0))));
        } catch (RuntimeException e) {
            throw new SnapshotRestoreException("the guest restored from " + snapshot.directory() + " did not take "
                    + "this instance's key, clock and devices: " + e.getMessage(), e);
        }
    }

    /** A session opened on another thread; a failed start waits for it and closes it with everything else. */
    private CompletableFuture<GuestShell> connectInBackground(SshTarget target, QemuExit exit) {
        CompletableFuture<GuestShell> session = CompletableFuture.supplyAsync(() -> open(target, exit));
        started.add(() -> {
            GuestShell opened = session.handle((value, error) -> value).join();
            if (opened != null) {
                opened.close();
            }
        });
        return session;
    }

    private static GuestShell join(CompletableFuture<GuestShell> session) {
        try {
            return session.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * This instance's copy of the snapshot's guest memory, in {@code /dev/shm} as a cold virtiofs boot's is: a
     * sparse copy ({@code cp --sparse=always}), so only the pages the snapshot's guest touched are copied.
     */
    private Path privateMemoryCopy(BootSnapshot snapshot) {
        Path copy = QemuCommandLine.SHARED_MEMORY_DIRECTORY.resolve("lima-junit-" + dir.getParent().getFileName()
                + "-" + dir.getFileName() + ".memory");
        try {
            HostTool.run(dir, List.of("cp", "--sparse=always", snapshot.memory().toString(), copy.toString()));
        } catch (RuntimeException e) {
            throw new SnapshotRestoreException("could not copy the snapshot's guest memory to " + copy + ": "
                    + e.getMessage(), e);
        }
        started.add(() -> Files.deleteIfExists(copy));
        return copy;
    }

    /** This machine's boot snapshot, made when missing; null (logged, with the reason) when none can be made. */
    private BootSnapshot snapshot(QemuMachine machine) {
        long t = System.nanoTime();
        try {
            long free = Files.getFileStore(QemuCommandLine.SHARED_MEMORY_DIRECTORY).getUsableSpace();
            if (free < spec.memoryBytes()) {
                // a restored guest's memory is a file there: a guest outgrowing a full tmpfs dies of SIGBUS
                throw new IllegalStateException(QemuCommandLine.SHARED_MEMORY_DIRECTORY + " has " + (free >> 20)
                        + " MiB free, less than the guest's memory of " + (spec.memoryBytes() >> 20) + " MiB");
            }
            return engine.bootSnapshots().obtain(machine, SnapshotShape.of(spec), remaining(),
                    engine.stallTimeout(options.startTimeout()));
        } catch (RuntimeException | IOException e) {
            LOG.warn("lima-junit: instance {}: no boot snapshot ({}); booting the guest cold", options.name(),
                    e.getMessage());
            return null;
        } finally {
            phases.done("snapshot", t);
        }
    }


    private List<MountWiring> wirings() {
        List<MountWiring> wirings = new ArrayList<>();
        VirtiofsdBinary virtiofsd = null;
        for (ResolvedMount mount : spec.mounts()) {
            if (Files.notExists(mount.location(), LinkOption.NOFOLLOW_LINKS)) {
                // As Lima does: a missing location is created (validation has already warned about it).
                try {
                    Files.createDirectories(mount.location());
                } catch (IOException e) {
                    throw failure(mount.describe() + ": location " + mount.location() + " does not exist and could not "
                            + "be created: " + e, e);
                }
            }
            if (!Files.isDirectory(mount.location())) {
                throw failure(mount.describe() + ": location " + mount.location() + " is not a directory on the host",
                        null);
            }
            MountWiring wiring = switch (spec.mountType()) {
                case NINEP -> new NinePMount(mount);
                case VIRTIOFS -> {
                    if (virtiofsd == null) {
                        try {
                            virtiofsd = VirtiofsdBinary.forThisHost(engine.qemuBinary());
                        } catch (IllegalStateException | IllegalArgumentException e) {
                            throw failure("mountType virtiofs: " + e.getMessage(), e);
                        }
                    }
                    VirtiofsMount v = new VirtiofsMount(mount, virtiofsd, dir);
                    diagnostics.put("virtiofsd-" + mount.index() + ".log", v.log());
                    yield v;
                }
                case REVERSE_SSHFS -> {
                    SftpServerFactory server = engine.sftpServer(mount.sshfs().sftpDriver()).orElseThrow(() -> failure(
                            mount.describe() + ": sshfs.sftpDriver \"" + mount.sshfs().sftpDriver()
                                    + "\" is not available in the qemu engine"
                                    + (mount.sshfs().sftpDriver().yamlName().equals("openssh-sftp-server")
                                    ? " (no sftp-server binary: install the Debian package openssh-sftp-server)" : ""),
                            null));
                    ReverseSshfsMount r = new ReverseSshfsMount(mount, server, dir);
                    diagnostics.put("sshfs-" + mount.index() + ".log", r.log());
                    yield r;
                }
                default -> throw failure("mountType " + spec.mountType() + " is not supported by the qemu engine",
                        null);
            };
            wirings.add(wiring);
            started.add(wiring);
        }
        return wirings;
    }

    /**
     * Starts QEMU; a cold boot whose port was taken between our probe and QEMU's bind is retried with another port
     * (a restore that meets it fails and boots cold instead: waiting for the exit would cost a restore its budget).
     */
    private LaunchedQemu launch(QemuMachine machine, Path memoryPath, List<String> devices, Path qmpSocket,
                                String incoming) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = BootSnapshots.freePort();
            List<String> argv = QemuCommandLine.build(machine, "lima-junit-" + options.name(), port, serial.file(),
                    qmpSocket, memoryPath, devices, incoming);
            Files.writeString(dir.resolve("qemu.cmdline"), String.join(" ", argv) + "\n");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(dir.resolve("qemu.stdout.log").toFile())
                    .redirectError(qemuStderr.toFile());
            ManagedProcess process = ProcessRegistry.global().start("qemu " + options.name(), builder);
            started.add(process);
            if (incoming == null && attempt < 3 && exitedWithPortConflict(process)) {
                started.remove(process);
                continue;
            }
            return new LaunchedQemu(process, port);
        }
    }

    private boolean exitedWithPortConflict(ManagedProcess process) throws IOException {
        try {
            process.process().waitFor(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !process.isAlive() && Files.readString(qemuStderr).contains("host forwarding");
    }

    private void awaitReady(ManagedProcess qemu) throws IOException {
        Duration silentLimit = engine.stallTimeout(options.startTimeout());
        long silentUntil = System.nanoTime() + silentLimit.toNanos();
        while (serial.readyUptime().isEmpty()) {
            if (System.nanoTime() > silentUntil && serial.isSilent() && qemu.isAlive()) {
                throw new GuestStalledException("instance " + options.name() + " (qemu engine): the guest printed "
                        + "nothing on its serial console within " + (silentLimit.toMillis() % 1000 == 0
                        ? silentLimit.toSeconds() + " s" : silentLimit.toMillis() + " ms") + " ("
                        + serial.file() + " is empty): QEMU stalled before the guest kernel printed anything");
            }
            if (!qemu.isAlive()) {
                String stderr = Files.readString(qemuStderr).strip();
                Optional<String> panic = serial.panicLine();
                throw failure(panic.map(line -> "the guest kernel panicked before the guest was ready: " + line
                                + " (QEMU exited with code " + qemu.process().exitValue() + ": it runs with panic=-1 "
                                + "-no-reboot)").orElse("QEMU exited with code " + qemu.process().exitValue()
                                + " before the guest was ready")
                        + (stderr.isEmpty() ? "" : ": " + stderr), null);
            }
            if (System.nanoTime() > deadline) {
                throw failure("the guest did not become ready (no \"" + SerialConsole.READY_MARKER + "\" on its serial "
                        + "console) within the start timeout of " + options.startTimeout().toSeconds() + " s", null);
            }
            sleep(20);
        }
    }

    /** Splits QEMU-start-to-ready by the guest's own uptime: QEMU itself, kernel up to /init, /init up to sshd. */
    private void recordGuestPhases(long launched) {
        long total = (System.nanoTime() - launched) / 1_000_000;
        long ready = Math.round(serial.readyUptime().orElse(0.0) * 1000);
        long init = Math.round(serial.initUptime().orElse(0.0) * 1000);
        long qemu = Math.max(0, total - ready);
        phases.record("qemu", Duration.ofMillis(qemu));
        phases.record("kernel", Duration.ofMillis(init));
        phases.record("init", Duration.ofMillis(Math.max(0, total - qemu - init)));
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(5).toNanos()));
    }

    /** Short, so that unix socket paths stay under 108 characters. */
    private Path instanceDirectory() throws IOException {
        String safe = options.name().replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > 24) {
            safe = safe.substring(0, 24);
        }
        return Files.createDirectories(SessionDirectory.get().resolve(safe + "-" + COUNTER.incrementAndGet()));
    }

    private InstanceStartException failure(String reason, Throwable cause) {
        StringBuilder message = new StringBuilder("instance " + options.name() + " (qemu engine): " + reason);
        if (serial != null && Files.exists(serial.file())) {
            message.append("\n--- last ").append(SERIAL_TAIL_LINES).append(" lines of the serial log ")
                    .append(serial.file()).append(" ---\n").append(serial.tail(SERIAL_TAIL_LINES));
        }
        return cause == null ? new InstanceStartException(message.toString())
                : new InstanceStartException(message.toString(), cause);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceStartException("interrupted while waiting for the guest", e);
        }
    }
}
