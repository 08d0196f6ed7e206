package dev.limajunit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One test's result for one behaviour on one mount type.
 *
 * @param reason why it failed, was skipped or is a known limitation; null for a plain pass
 * @param test the test it came from, e.g. {@code com.example.VisibilityTest#hostWrite() [9p]}
 * @param run the id of the {@link RunInfo} it was observed in
 * @param provenance what produced the behaviour: the engine, and what of Lima it emulated, e.g. {@code limactl} or
 *                   {@code qemu, emulated host agent}; null when no VM ran (a skip) or the file predates it
 */
public record Observation(Outcome outcome, String reason, List<Measurement> measurements, String test, String run,
                          String provenance) {

    public Observation {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(run, "run");
        measurements = List.copyOf(measurements);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        provenance = provenance == null || provenance.isBlank() ? null : provenance.strip();
    }

    /** An observation with no VM behind it (a skip, a class that never booted): no provenance. */
    public Observation(Outcome outcome, String reason, List<Measurement> measurements, String test, String run) {
        this(outcome, reason, measurements, test, run, null);
    }

    Observation inRun(String newRun) {
        return new Observation(outcome, reason, measurements, test, newRun, provenance);
    }
}
