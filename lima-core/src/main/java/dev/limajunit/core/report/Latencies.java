package dev.limajunit.core.report;

import java.util.List;
import java.util.OptionalLong;

/** A bag of latencies in milliseconds and its percentiles. */
public record Latencies(List<Long> millis) {

    public Latencies {
        millis = millis.stream().sorted().toList();
    }

    public static Latencies of(List<Measurement> measurements) {
        return new Latencies(measurements.stream().map(Measurement::millis).toList());
    }

    public boolean isEmpty() {
        return millis.isEmpty();
    }

    public int count() {
        return millis.size();
    }

    public OptionalLong p50() {
        return percentile(50);
    }

    public OptionalLong p95() {
        return percentile(95);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code p}% of the values at or below it. */
    public OptionalLong percentile(int p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in 1..100, was " + p);
        }
        if (millis.isEmpty()) {
            return OptionalLong.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.size());
        return OptionalLong.of(millis.get(rank - 1));
    }
}
