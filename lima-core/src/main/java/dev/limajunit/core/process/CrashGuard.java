package dev.limajunit.core.process;

import java.util.OptionalLong;

/**
 * Arms crash-safe cleanup once per JVM, before the first process starts: first a {@link LeftoverSweep} of the
 * processes of runs that died, then this run's {@link OrphanWatchdog}.
 */
final class CrashGuard {

    private static final ProcessOwner OWNER = ProcessOwner.current();
    private static volatile boolean armed;
    private static volatile Process watchdog;

    private CrashGuard() {
    }

    /** Idempotent and cheap after the first call. */
    public static void arm() {
        if (armed) {
            return;
        }
        synchronized (CrashGuard.class) {
            if (!armed) {
                LeftoverSweep.run();
                watchdog = OrphanWatchdog.start().orElse(null);
                armed = true;
            }
        }
    }

    /** This JVM, as its children name it. */
    public static ProcessOwner owner() {
        return OWNER;
    }

    /** The watchdog's pid, when one runs (for diagnostics and tests). */
    public static OptionalLong watchdogPid() {
        Process w = watchdog;
        return w == null ? OptionalLong.empty() : OptionalLong.of(w.pid());
    }
}
