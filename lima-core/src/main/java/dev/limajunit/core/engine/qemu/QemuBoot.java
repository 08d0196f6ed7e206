package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import dev.limajunit.core.shell.ssh.SshShellOptions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One start of one instance, phase by phase: kit, QEMU, kernel and init (read off the serial console), SSH, each
 * mount. Everything started is remembered so a failure anywhere stops it all again.
 */
final class QemuBoot {

    private static final int SERIAL_TAIL_LINES = 50;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** The guest's sshd accepts this many sessions; the shell may open as many channels at once. */
    private static final int MAX_SESSIONS = 64;

    private final QemuEngine engine;
    private final ResolvedInstance spec;
    private final StartOptions options;
    private final long deadline;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private final Map<String, Path> diagnostics = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private Path dir;
    private SerialConsole serial;
    private Path qemuStderr;
    private String accelerator;

    QemuBoot(QemuEngine engine, ResolvedInstance spec, StartOptions options) {
        this.engine = engine;
        this.spec = spec;
        this.options = options;
        this.deadline = System.nanoTime() + options.startTimeout().toNanos();
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
        phase("kit", t);

        t = System.nanoTime();
        accelerator = engine.accelerator();
        phase("accelerator", t);

        for (MountWiring wiring : wirings) {
            wiring.startBeforeQemu();
        }
        GuestLogin login = new GuestLogin(Files.readString(dir.resolve("id_ed25519.pub")).strip(), engine.guestUser());
        long launched = System.nanoTime();
        LaunchedQemu qemu = launch(kernel, kit.initramfs(), login, wirings);
        awaitReady(qemu.process());
        recordGuestPhases(launched);

        t = System.nanoTime();
        QemuExit exit = new QemuExit(options.name(), qemu.process(), serial);
        SshTarget rootTarget = new SshTarget("127.0.0.1", qemu.sshPort(), "root", clientKey,
                HostKeyPolicy.expect(kit.hostPublicKey()));
        GuestShell rootShell = connect(rootTarget, exit);
        GuestShell shell = rootShell;
        SshTarget target = rootTarget;
        GuestUser user = engine.guestUser();
        if (!user.isRoot()) {
            // Tests act as Lima's user; the engine's own work below (mounting, the forwarder) stays root.
            target = new SshTarget("127.0.0.1", qemu.sshPort(), user.name(), clientKey,
                    HostKeyPolicy.expect(kit.hostPublicKey()));
            shell = new GuestUserShell(user, connect(target, exit), rootShell);
        }
        phase("ssh", t);

        List<MountedDirectory> mounts = new ArrayList<>();
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
            mounts.add(new MountedDirectory(m, spec.mountType(), m.location(), GuestPath.of(m.mountPoint()), shell));
            phase("mount[" + m.index() + "]", t);
        }
        List<MountWiring> missing = GuestMounts.missing(rootShell, wirings);
        if (!missing.isEmpty()) {
            throw failure("mounted but missing from the guest's /proc/mounts: " + missing.stream()
                    .map(w -> w.mount().describe() + " at " + w.mount().mountPoint() + " (" + w.procMountsType() + ")")
                    .collect(Collectors.joining(", ")), null);
        }
        InotifyForwarder inotify = null;
        if (spec.mountInotify()) {
            t = System.nanoTime();
            inotify = InotifyForwarder.start(rootShell, mounts);
            started.add(inotify);
            phase("inotify", t);
        }
        return new QemuInstance(options.name(), spec, qemu.process(), shell, rootShell, target, wirings, mounts,
                phases, diagnostics, inotify);
    }

    private GuestShell connect(SshTarget target, QemuExit exit) {
        GuestShell shell = new VmExitAwareShell(SshGuestShell.connect(target,
                SshShellOptions.defaults().withConnectTimeout(remaining()).withMaxSessions(MAX_SESSIONS)), exit);
        started.add(shell);
        shell.execChecked("true");
        return shell;
    }

    private record LaunchedQemu(ManagedProcess process, int sshPort) {}

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

    /** Starts QEMU; a port taken between our probe and QEMU's bind is retried with another port. */
    private LaunchedQemu launch(Path kernel, Path initramfs, GuestLogin login,
            List<MountWiring> wirings) throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            List<String> argv = QemuCommandLine.build(engine.qemuBinary(), "lima-junit-" + options.name(),
                    accelerator, spec.cpus(), spec.memoryBytes(), kernel, initramfs, login, port,
                    serial.file(), wirings);
            Files.writeString(dir.resolve("qemu.cmdline"), String.join(" ", argv) + "\n");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(dir.resolve("qemu.stdout.log").toFile())
                    .redirectError(qemuStderr.toFile());
            ManagedProcess process = ProcessRegistry.global().start("qemu " + options.name(), builder);
            started.add(process);
            if (attempt < 3 && exitedWithPortConflict(process)) {
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
        record("qemu", qemu);
        record("kernel", init);
        record("init", Math.max(0, total - qemu - init));
    }

    private void phase(String name, long startNanos) {
        record(name, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void record(String name, long millis) {
        phases.put(name, millis);
        options.progress().phaseDone(options.name(), name, Duration.ofMillis(millis));
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the guest's SSH", e);
        }
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
