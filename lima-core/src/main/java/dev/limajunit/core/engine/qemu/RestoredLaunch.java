package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A guest restored from a boot snapshot (phase restore): QEMU started paused for an incoming migration, the saved
 * state loaded with the devices QEMU cannot migrate hot-plugged, and resumed; then root's first session makes the
 * guest this instance's own ({@link RestoredGuest}) and the user's session opens in the background (phase ssh).
 */
final class RestoredLaunch implements GuestLaunch {

    private final BootContext boot;
    private final BootSnapshot snapshot;

    RestoredLaunch(BootContext boot, BootSnapshot snapshot) {
        this.boot = boot;
        this.snapshot = snapshot;
    }

    @Override
    public RunningGuest launch(QemuMachine machine, List<MountWiring> wirings) throws IOException {
        long t = System.nanoTime();
        Path qmpSocket = boot.dir().resolve("qmp.sock");
        Path memory = privateMemoryCopy();
        LaunchedQemu qemu = boot.launcher().launch(machine.withLogin(new GuestLogin(snapshot.publicKeyLine(),
                        boot.user())), memory, wirings.stream().filter(w -> !w.hotPluggedOnRestore())
                        .flatMap(w -> w.qemuArguments().stream()).toList(), qmpSocket, "defer");
        try {
            SnapshotRestore.resume(qemu.process(), qmpSocket, boot.qemuStderr(), snapshot, wirings,
                    boot.deadline().nanos());
        } finally {
            // QEMU holds it open (and hands virtiofsd its descriptor): unlinked now, it goes with QEMU
            Files.deleteIfExists(memory);
        }
        boot.phases().done("restore", t);

        t = System.nanoTime();
        GuestSessions sessions = boot.sessions(qemu);
        GuestShell root = adopt(sessions, machine.login(), wirings);
        // The first handshake of a restored QEMU pays for translating the guest's SSH code (TCG); the user's, the
        // second, overlaps with the mounting that follows.
        Optional<CompletableFuture<GuestShell>> user = boot.user().isRoot() ? Optional.empty()
                : Optional.of(sessions.openInBackground(sessions.target(boot.user().name())));
        boot.phases().done("ssh", t);
        return new RunningGuest(qemu, sessions, root, user);
    }

    /**
     * Root's session, opened with the snapshot's key; its first command makes the guest this instance's own (key,
     * clock, entropy, devices), after which only this instance's key logs in.
     */
    private GuestShell adopt(GuestSessions sessions, GuestLogin login, List<MountWiring> wirings) {
        try {
            int hotPlugged = (int) wirings.stream().filter(MountWiring::hotPluggedOnRestore).count();
            return sessions.open(sessions.target("root", snapshot.privateKey()), Command.shell(
                    RestoredGuest.command(login, hotPlugged, Math.round(System.currentTimeMillis() / 1000.0))));
        } catch (RuntimeException e) {
            throw new SnapshotRestoreException("the guest restored from " + snapshot.directory() + " did not take "
                    + "this instance's key, clock and devices: " + e.getMessage(), e);
        }
    }

    /**
     * This instance's copy of the snapshot's guest memory, in {@code /dev/shm} as a cold virtiofs boot's is: a
     * sparse copy ({@code cp --sparse=always}), so only the pages the snapshot's guest touched are copied.
     */
    private Path privateMemoryCopy() {
        Path dir = boot.dir();
        Path copy = QemuCommandLine.SHARED_MEMORY_DIRECTORY.resolve("lima-junit-" + dir.getParent().getFileName()
                + "-" + dir.getFileName() + ".memory");
        try {
            HostTool.run(dir, List.of("cp", "--sparse=always", snapshot.memory().toString(), copy.toString()));
        } catch (RuntimeException e) {
            throw new SnapshotRestoreException("could not copy the snapshot's guest memory to " + copy + ": "
                    + e.getMessage(), e);
        }
        boot.started().add(() -> Files.deleteIfExists(copy));
        return copy;
    }
}
