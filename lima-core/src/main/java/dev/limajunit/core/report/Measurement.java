package dev.limajunit.core.report;

import java.time.Duration;
import java.util.Objects;

/** One measured latency, e.g. how long a host write took to become visible in the guest. */
public record Measurement(String what, long millis) {

    public Measurement {
        Objects.requireNonNull(what, "what");
        if (millis < 0) {
            throw new IllegalArgumentException("measurement \"" + what + "\": millis must be >= 0, was " + millis);
        }
    }

    public static Measurement of(String what, Duration duration) {
        return new Measurement(what, duration.toMillis());
    }
}
