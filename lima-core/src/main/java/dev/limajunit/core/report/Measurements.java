package dev.limajunit.core.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where assertions and tests report the latencies they measured, e.g. how long a host write took to show in the
 * guest: {@code Measurements.record("host-change-visible", elapsed)}. Thread-safe and free of any test framework.
 *
 * <p>A test runner {@link #capture() opens a capture} around each test and drains it afterwards. A measurement goes
 * to the capture opened on the recording thread (or a thread it started); failing that, to the only capture open, so
 * a measurement taken on a pool thread (Awaitility polls on one) still lands in its test when tests run one at a
 * time. With no capture, or several open and none on this thread, the measurement is dropped.
 */
public final class Measurements {

    private static final Logger LOG = LoggerFactory.getLogger(Measurements.class);
    private static final InheritableThreadLocal<Capture> BOUND = new InheritableThreadLocal<>();
    private static final Set<Capture> OPEN = ConcurrentHashMap.newKeySet();

    private Measurements() {
    }

    public static void record(String what, Duration duration) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(duration, "duration");
        Measurement m = Measurement.of(what, duration.isNegative() ? Duration.ZERO : duration);
        Capture capture = BOUND.get();
        if (capture == null || !capture.open) {
            capture = OPEN.size() == 1 ? OPEN.stream().findFirst().orElse(null) : null;
        }
        if (capture == null) {
            LOG.debug("measurement {} ({} ms) dropped: no test capture open for it", what, m.millis());
            return;
        }
        capture.add(m);
    }

    /** Starts collecting this thread's (and its child threads') measurements until the capture is closed. */
    public static Capture capture() {
        Capture capture = new Capture();
        OPEN.add(capture);
        BOUND.set(capture);
        return capture;
    }

    /** The measurements of one test. */
    public static final class Capture implements AutoCloseable {
        private final List<Measurement> measurements = new ArrayList<>();
        private volatile boolean open = true;

        private Capture() {
        }

        private synchronized void add(Measurement m) {
            if (open) {
                measurements.add(m);
            }
        }

        /** What was recorded so far, removed from the capture. */
        public synchronized List<Measurement> drain() {
            List<Measurement> drained = List.copyOf(measurements);
            measurements.clear();
            return drained;
        }

        /** Stops collecting; call it on the thread that opened the capture. */
        @Override
        public void close() {
            open = false;
            OPEN.remove(this);
            if (BOUND.get() == this) {
                BOUND.remove();
            }
        }
    }
}
