package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.ManagedProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The QEMU side of a restore: has QEMU (started with {@code -incoming defer}) load the snapshot, waits until it has
 * (it stays paused, as the snapshot was saved paused), hot-plugs the devices a snapshot cannot hold, and lets the
 * guest run.
 */
final class SnapshotRestore {

    private SnapshotRestore() {
    }

    /**
     * @throws SnapshotRestoreException when QEMU exits or reports a failure (a snapshot QEMU could not load is
     *                                  discarded, so that the next boot makes a new one)
     */
    static void resume(ManagedProcess qemu, Path qmpSocket, Path qemuStderr, BootSnapshot snapshot,
                       List<MountWiring> wirings, long deadline) {
        try (QmpClient qmp = connect(qemu, qmpSocket, qemuStderr, snapshot, deadline)) {
            qmp.execute("migrate-set-capabilities", SnapshotShape.MIGRATION_CAPABILITIES);
            qmp.execute("migrate-incoming", Map.of("uri", "exec:cat "
                    + GuestScript.quote(snapshot.state().toString())));
            for (String status = qmp.status(); !status.equals("paused"); status = qmp.status()) {
                if (!status.equals("inmigrate")) {
                    throw new IOException("QEMU is " + status + " after loading the snapshot, expected paused");
                }
                checkTime(deadline);
                pause(5);
            }
            for (MountWiring wiring : wirings) {
                wiring.hotAdd(qmp);
            }
            qmp.execute("cont", Map.of());
        } catch (IOException e) {
            throw exited(qemu, qemuStderr, snapshot, e);
        }
    }

    private static QmpClient connect(ManagedProcess qemu, Path socket, Path qemuStderr, BootSnapshot snapshot,
                                     long deadline) throws IOException {
        while (true) {
            if (!qemu.isAlive()) {
                throw exited(qemu, qemuStderr, snapshot, null);
            }
            if (Files.exists(socket)) {
                try {
                    return QmpClient.connect(socket);
                } catch (IOException notYetListening) {
                    // the socket file appears just before QEMU listens on it
                }
            }
            checkTime(deadline);
            pause(5);
        }
    }

    private static SnapshotRestoreException exited(ManagedProcess qemu, Path qemuStderr, BootSnapshot snapshot,
                                                   IOException cause) {
        if (cause != null) {
            // a QEMU that failed to load closes its QMP socket a moment before it exits
            try {
                qemu.process().waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (qemu.isAlive()) {
            return new SnapshotRestoreException("restoring the boot snapshot " + snapshot.directory() + " failed: "
                    + cause.getMessage(), cause);
        }
        String stderr;
        try {
            stderr = Files.readString(qemuStderr).strip();
        } catch (IOException e) {
            stderr = "(" + qemuStderr + " unreadable: " + e + ")";
        }
        if (!stderr.contains("host forwarding")) {
            BootSnapshots.discard(snapshot); // QEMU could not load it: the next boot makes a new one
        }
        return new SnapshotRestoreException("QEMU exited with code " + qemu.process().exitValue()
                + " while restoring the boot snapshot " + snapshot.directory() + ": " + stderr, cause);
    }

    private static void checkTime(long deadline) throws IOException {
        if (System.nanoTime() > deadline) {
            throw new IOException("QEMU did not load the snapshot before the start timeout");
        }
    }

    private static void pause(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restoring a boot snapshot", e);
        }
    }
}
