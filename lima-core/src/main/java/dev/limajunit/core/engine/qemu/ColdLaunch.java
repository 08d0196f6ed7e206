package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A guest booted from scratch: QEMU with every mount's device, the kernel and /init up to the readiness line on the
 * serial console (phases qemu, kernel and init, split by the guest's own uptime), then root's and the user's
 * sessions (phase ssh).
 */
final class ColdLaunch implements GuestLaunch {

    private final BootContext boot;
    private final Duration silentLimit;

    /** @param silentLimit how long the guest may print nothing before its boot counts as stalled */
    ColdLaunch(BootContext boot, Duration silentLimit) {
        this.boot = boot;
        this.silentLimit = silentLimit;
    }

    @Override
    public RunningGuest launch(QemuMachine machine, List<MountWiring> wirings) throws IOException {
        long launched = System.nanoTime();
        // shared guest memory for vhost-user (virtiofsd) only, as Lima has it
        Path memory = wirings.stream().anyMatch(MountWiring::needsSharedMemory)
                ? QemuCommandLine.SHARED_MEMORY_DIRECTORY : null;
        LaunchedQemu qemu = boot.launcher().launch(machine, memory,
                wirings.stream().flatMap(w -> w.qemuArguments().stream()).toList(), null, null);
        boot.serial().awaitReady(boot.who(), qemu.process(), boot.qemuStderr(), silentLimit, boot.deadline());
        recordGuestPhases(launched);

        long t = System.nanoTime();
        GuestSessions sessions = boot.sessions(qemu);
        GuestShell root = sessions.open(sessions.target("root"), Command.of("true"));
        Optional<CompletableFuture<GuestShell>> user = boot.user().isRoot() ? Optional.empty()
                : Optional.of(CompletableFuture.completedFuture(sessions.open(sessions.target(boot.user().name()),
                        Command.of("true"))));
        boot.phases().done("ssh", t);
        return new RunningGuest(qemu, sessions, root, user);
    }

    /** Splits QEMU-start-to-ready by the guest's own uptime: QEMU itself, kernel up to /init, /init up to sshd. */
    private void recordGuestPhases(long launched) {
        SerialConsole serial = boot.serial();
        long total = (System.nanoTime() - launched) / 1_000_000;
        long ready = Math.round(serial.readyUptime().orElse(0.0) * 1000);
        long init = Math.round(serial.initUptime().orElse(0.0) * 1000);
        long qemu = Math.max(0, total - ready);
        boot.phases().record("qemu", Duration.ofMillis(qemu));
        boot.phases().record("kernel", Duration.ofMillis(init));
        boot.phases().record("init", Duration.ofMillis(Math.max(0, total - qemu - init)));
    }
}
