package dev.limajunit.core.report;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One behaviour on one mount type: every observation made of it. Several tests may pin the same behaviour and several
 * merged runs may hold the same cell; the cell then shows the worst outcome, and keeps every latency.
 */
public record Cell(List<Observation> observations) {

    public Cell {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a cell needs at least one observation");
        }
        observations = List.copyOf(observations);
    }

    public Outcome outcome() {
        return observations.stream().map(Observation::outcome).reduce(Outcome.SKIPPED, Outcome::worse);
    }

    /** The reason of the first observation with the cell's outcome, if it gave one. */
    public Optional<String> reason() {
        Outcome worst = outcome();
        return observations.stream()
                .filter(o -> o.outcome() == worst && o.reason() != null)
                .map(Observation::reason)
                .findFirst();
    }

    /** Whether the observations disagree, e.g. one run passed and another failed. */
    public boolean mixed() {
        return observations.stream().map(Observation::outcome).distinct().count() > 1;
    }

    public Latencies latencies() {
        return Latencies.of(observations.stream().flatMap(o -> o.measurements().stream()).toList());
    }

    /** What produced the observations ({@link Observation#provenance()}), each once, in order of appearance. */
    public List<String> provenances() {
        return observations.stream().map(Observation::provenance).filter(Objects::nonNull).distinct()
                .toList();
    }

    /** The order of magnitude of the cell's median latency, for comparing runs. */
    public LatencyClass latencyClass() {
        return LatencyClass.of(latencies());
    }

    public List<String> tests() {
        return observations.stream().map(Observation::test).distinct().toList();
    }

    public List<String> runs() {
        return observations.stream().map(Observation::run).distinct().toList();
    }

    Cell plus(List<Observation> more) {
        return new Cell(Stream.concat(observations.stream(), more.stream()).toList());
    }

    /** Observations ordered worst first, for detail listings. */
    public List<Observation> worstFirst() {
        return observations.stream()
                .sorted(Comparator.comparing(Observation::outcome).reversed())
                .toList();
    }
}
