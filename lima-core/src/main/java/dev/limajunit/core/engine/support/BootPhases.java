package dev.limajunit.core.engine.support;

import dev.limajunit.core.engine.BootProgressListener;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The boot phases of one start, in order, each told to the start's {@link BootProgressListener} as it completes:
 * what becomes {@link dev.limajunit.core.engine.Instance#bootPhases()}. Phases are timed on {@link System#nanoTime()}.
 */
public final class BootPhases {

    private final String instance;
    private final BootProgressListener listener;
    private final Map<String, Long> millis = new LinkedHashMap<>();

    public BootPhases(String instance, BootProgressListener listener) {
        this.instance = instance;
        this.listener = listener;
    }

    /** The phase {@code name} ran from {@code startNanos} (a {@link System#nanoTime()}) until now. */
    public void done(String name, long startNanos) {
        record(name, Duration.ofNanos(System.nanoTime() - startNanos));
    }

    /** The phase {@code name} took {@code took} (for phases measured otherwise, e.g. by the guest's uptime). */
    public void record(String name, Duration took) {
        millis.put(name, took.toMillis());
        listener.phaseDone(instance, name, took);
    }

    /** Phase name to milliseconds, in boot order; a copy. */
    public Map<String, Long> millis() {
        return new LinkedHashMap<>(millis);
    }
}
