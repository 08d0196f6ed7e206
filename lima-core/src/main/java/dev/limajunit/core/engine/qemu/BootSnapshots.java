package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Boot snapshots in the kit cache ({@code snapshots/KEY}), one per machine and {@link SnapshotShape}: the key hashes
 * the snapshot boot's whole QEMU command line (kernel arguments, memory, CPUs, devices, guest user) and the identity
 * of the QEMU binary, kernel and initramfs, so a change to any of them makes a new snapshot and the old one unused.
 * A missing snapshot is made by booting the guest cold, waiting for its readiness line, and migrating the paused VM
 * to a file; nobody has logged in to it, so it holds no open connection.
 */
final class BootSnapshots {

    /** Bumped whenever what a restore expects of a snapshot changes. */
    static final int FORMAT = 3;
    private static final String PLACEHOLDER_KEY = "ssh-ed25519 SNAPSHOT-KEY";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final KitCache cache;

    BootSnapshots(KitCache cache) {
        this.cache = cache;
    }

    /**
     * The snapshot for this machine (its login is replaced by the snapshot's own) and shape, made when missing.
     *
     * @param timeout     how long making it may take
     * @param silentLimit how long its guest may print nothing before the boot counts as stalled
     */
    BootSnapshot obtain(QemuMachine machine, SnapshotShape shape, Duration timeout, Duration silentLimit) {
        String key = key(machine, shape);
        Path entry = cache.entry("snapshots", key, directory -> make(directory, machine, shape, timeout,
                silentLimit));
        BootSnapshot snapshot = new BootSnapshot(entry);
        if (!snapshot.isComplete()) {
            throw new IllegalStateException("the boot snapshot " + entry + " is incomplete (the cache was cleaned?)");
        }
        return snapshot;
    }

    /** Drops a snapshot that failed to restore, so that the next boot makes a new one. */
    static void discard(BootSnapshot snapshot) {
        KitCache.deleteTree(snapshot.directory());
    }

    /** The cache key: the machine's own login key does not count (a snapshot has its own), its guest user does. */
    static String key(QemuMachine machine, SnapshotShape shape) {
        QemuMachine anyKey = machine.withLogin(new GuestLogin(PLACEHOLDER_KEY, machine.login().user()));
        List<String> argv = QemuCommandLine.build(anyKey, "snapshot", 0, Path.of("serial.log"), Path.of("qmp.sock"),
                Path.of(BootSnapshot.MEMORY), shape.placeholderDevices(Path.of("empty")), null);
        StringBuilder inputs = new StringBuilder("format " + FORMAT + "\n" + String.join("\n", argv) + "\n");
        for (Path file : List.of(machine.qemu(), machine.kernel(), machine.initramfs())) {
            File f = file.toFile();
            inputs.append(file).append(' ').append(f.length()).append(' ').append(f.lastModified()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inputs.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void make(Path directory, QemuMachine base, SnapshotShape shape, Duration timeout,
                             Duration silentLimit) throws IOException {
        Path privateKey = directory.resolve(BootSnapshot.KEY);
        HostTool.run(directory, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lima-junit-snapshot",
                "-f", privateKey.toString()));
        GuestLogin login = new GuestLogin(Files.readString(directory.resolve(BootSnapshot.KEY + ".pub")).strip(),
                base.login().user());
        QemuMachine machine = base.withLogin(login);
        // QEMU's sockets and logs go to the session directory: short paths (unix sockets), deleted with the run.
        Path work = Files.createDirectories(SessionDirectory.get().resolve("snapshot-" + COUNTER.incrementAndGet()));
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path qmpSocket = work.resolve("qmp.sock");
        SerialConsole serial = new SerialConsole(work.resolve("serial.log"));
        List<String> argv = QemuCommandLine.build(machine, "lima-junit-snapshot", LoopbackPort.free(), serial.file(),
                qmpSocket, directory.resolve(BootSnapshot.MEMORY), shape.placeholderDevices(empty), null);
        Files.writeString(directory.resolve("qemu.cmdline"), String.join(" ", argv) + "\n");
        Path stderr = work.resolve("qemu.stderr.log");
        ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(new File("/dev/null"))
                .redirectOutput(work.resolve("qemu.stdout.log").toFile()).redirectError(stderr.toFile());
        StartDeadline deadline = new StartDeadline(System.nanoTime() + timeout.toNanos(), timeout.toSeconds() + " s");
        try (ManagedProcess qemu = ProcessRegistry.global().start("qemu boot snapshot", builder)) {
            try {
                serial.awaitReady("the snapshot boot", qemu, stderr, silentLimit, deadline);
            } catch (GuestStalledException e) {
                throw new IOException(e.getMessage(), e);
            } catch (GuestNotReadyException e) {
                throw new IOException("the snapshot boot: " + e.getMessage() + "\n" + serial.tail(20), e);
            }
            try (QmpClient qmp = QmpClient.connect(qmpSocket)) {
                qmp.execute("migrate-set-capabilities", SnapshotShape.MIGRATION_CAPABILITIES);
                qmp.execute("stop", Map.of());
                Path state = directory.resolve(BootSnapshot.STATE);
                qmp.execute("migrate", Map.of("uri", "exec:cat > " + GuestScript.quote(state.toString())));
                while (true) {
                    String status = qmp.execute("query-migrate", Map.of()).path("status").asString();
                    if (status.equals("completed")) {
                        break;
                    }
                    if (status.equals("failed") || status.equals("cancelled")) {
                        throw new IOException("QEMU could not save the snapshot: migration " + status + ": "
                                + qmp.execute("query-migrate", Map.of()).path("error-desc").asString());
                    }
                    if (deadline.passed()) {
                        throw new IOException("saving the snapshot took longer than " + timeout.toSeconds() + " s");
                    }
                    pause(20);
                }
                qmp.execute("quit", Map.of());
            }
            qemu.process().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a boot snapshot", e);
        }
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
