package dev.limajunit.core.report;

import java.util.List;
import java.util.Objects;

/**
 * One test's result for one behaviour on one mount type.
 *
 * @param reason why it failed, was skipped or is a known limitation; null for a plain pass
 * @param test the test it came from, e.g. {@code com.example.VisibilityTest#hostWrite() [9p]}
 * @param run the id of the {@link RunInfo} it was observed in
 */
public record Observation(Outcome outcome, String reason, List<Measurement> measurements, String test, String run) {

    public Observation {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(run, "run");
        measurements = List.copyOf(measurements);
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    Observation inRun(String newRun) {
        return new Observation(outcome, reason, measurements, test, newRun);
    }
}
