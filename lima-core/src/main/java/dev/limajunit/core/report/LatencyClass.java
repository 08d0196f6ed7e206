package dev.limajunit.core.report;

import java.util.OptionalLong;

/**
 * A cell's latency rounded to an order of magnitude, so two runs can be compared without flagging noise: a run on a
 * busy machine reads a host change 60 ms later than a quiet one, a cache that hides it for 20 s is another class. The
 * first boundary sits above one guest read under TCG (one SSH exec, 30–150 ms on a loaded 2-core host), so that
 * cost alone never moves a cell across it. Classed by the cell's median, the typical observation.
 */
public enum LatencyClass {
    UNDER_250_MS("< 250 ms", 250),
    UNDER_1_S("250 ms – 1 s", 1_000),
    UNDER_10_S("1–10 s", 10_000),
    AT_LEAST_10_S("≥ 10 s", Long.MAX_VALUE),
    /** The cell holds no latency: its tests measure none, or the change never showed (a failed wait records none). */
    NOT_MEASURED("not measured", -1);

    private final String label;
    private final long belowMillis;

    LatencyClass(String label, long belowMillis) {
        this.label = label;
        this.belowMillis = belowMillis;
    }

    public String label() {
        return label;
    }

    public static LatencyClass of(Latencies latencies) {
        OptionalLong median = latencies.p50();
        if (median.isEmpty()) {
            return NOT_MEASURED;
        }
        for (LatencyClass c : values()) {
            if (median.getAsLong() < c.belowMillis) {
                return c;
            }
        }
        throw new IllegalStateException("no latency class for " + median.getAsLong() + " ms");
    }
}
