package dev.limajunit.core.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
            terminate(List.of(process.toHandle()), GRACE);
        } finally {
            registry.forget(this);
        }
    }

    /**
     * Ends these process trees with one grace period for all of them: SIGTERM to every process and descendant, a wait
     * for the top-level ones to exit, then SIGKILL to whatever is left.
     */
    static void terminate(List<ProcessHandle> handles, Duration grace) {
        // Descendants collected first, because they are reparented once their parent is gone.
        List<ProcessHandle> descendants = new ArrayList<>();
        handles.forEach(h -> descendants.addAll(h.descendants().toList()));
        handles.forEach(ProcessHandle::destroy);
        descendants.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception timeoutOrFailure) {
                // falls through to the forcible kill below
            }
        }
        handles.forEach(ProcessHandle::destroyForcibly);
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + (process.isAlive() ? "" : ", exited") + ")";
    }
}
