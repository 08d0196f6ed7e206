package dev.limajunit.core.process;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A host process started through the {@link ProcessRegistry}: the OS process plus a name for messages.
 * {@link #close()} ends it (and its descendants) and removes it from the registry.
 */
public final class ManagedProcess implements AutoCloseable {

    /** How long a process may take to exit after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final String name;
    private final Process process;
    private final ProcessRegistry registry;

    ManagedProcess(String name, Process process, ProcessRegistry registry) {
        this.name = name;
        this.process = process;
        this.registry = registry;
    }

    public String name() {
        return name;
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the process tree: SIGTERM, then SIGKILL after a grace period. Idempotent. */
    @Override
    public void close() {
        try {
            terminate(process.toHandle(), GRACE);
        } finally {
            registry.forget(this);
        }
    }

    static void terminate(ProcessHandle handle, Duration grace) {
        // Descendants first collected, because they are reparented once their parent is gone.
        var descendants = handle.descendants().toList();
        handle.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timeoutOrFailure) {
            // falls through to the forcible kill below
        }
        handle.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + (process.isAlive() ? "" : ", exited") + ")";
    }
}
