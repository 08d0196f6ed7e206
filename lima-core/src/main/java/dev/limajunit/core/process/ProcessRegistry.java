package dev.limajunit.core.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every host process this run starts (QEMU, virtiofsd, sftp-server): started here so that it carries the run's
 * session id, and ended by its owner's {@code close()} or, at the latest, by a JVM shutdown hook.
 * If the JVM dies without running its hooks (SIGKILL), the {@link OrphanWatchdog} ends them, and the next run's
 * {@link LeftoverSweep} ends what even the watchdog missed; see {@link CrashGuard}.
 */
public final class ProcessRegistry {

    /** Hears processes come and go, e.g. a watchdog that must end them if this JVM is killed. */
    @FunctionalInterface
    public interface Listener {

        void started(ManagedProcess process);

        /** Most listeners only count or record starts. */
        default void ended(ManagedProcess process) {
        }
    }

    private static final ProcessRegistry GLOBAL = new ProcessRegistry();

    private final List<ManagedProcess> processes = new CopyOnWriteArrayList<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean hookInstalled;

    ProcessRegistry() {
    }

    /** The registry of this JVM. */
    public static ProcessRegistry global() {
        return GLOBAL;
    }

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Starts {@code builder}'s command with the session id in its environment and registers it.
     *
     * @param name a short name for messages, e.g. "qemu vm1" or "virtiofsd mounts[0]"
     */
    public ManagedProcess start(String name, ProcessBuilder builder) throws IOException {
        installShutdownHook();
        CrashGuard.arm();
        builder.environment().put(RunSession.ENV_VAR, RunSession.id());
        builder.environment().put(RunSession.OWNER_ENV_VAR, CrashGuard.owner().marker());
        Process process = builder.start();
        ManagedProcess managed = new ManagedProcess(name, process, this);
        processes.add(managed);
        listeners.forEach(l -> l.started(managed));
        return managed;
    }

    /** The processes started and not yet closed. */
    public List<ManagedProcess> live() {
        return List.copyOf(processes);
    }

    /** Ends every registered process. */
    public void closeAll() {
        List<ManagedProcess> all = new ArrayList<>(processes);
        // One grace period for all, so that the grace periods of many processes do not add up.
        ManagedProcess.terminate(all.stream().map(p -> p.process().toHandle()).toList(), ManagedProcess.GRACE);
        all.forEach(this::forget);
    }

    void forget(ManagedProcess process) {
        if (processes.remove(process)) {
            listeners.forEach(l -> l.ended(process));
        }
    }

    private void installShutdownHook() {
        if (!hookInstalled) {
            synchronized (this) {
                if (!hookInstalled) {
                    Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "lima-junit-process-cleanup"));
                    hookInstalled = true;
                }
            }
        }
    }
}
