package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The mount behaviour matrix: one row per {@link Behaviour}, one column per {@link MountType}, a {@link Cell} where a
 * test pinned that behaviour on that mount type, and the {@link RunInfo runs} the results came from. Immutable; build
 * it with {@link #builder()}. Rows are sorted by id and columns in {@link MountType} order, so the same results
 * always print the same way.
 */
public final class MountMatrix {

    private final List<RunInfo> runs;
    private final List<Behaviour> rows;
    private final List<MountType> columns;
    private final Map<String, Map<MountType, Cell>> cells;
    private final List<SpeedFigure> speed;

    private MountMatrix(List<RunInfo> runs, List<Behaviour> rows, List<MountType> columns,
                        Map<String, Map<MountType, Cell>> cells, List<SpeedFigure> speed) {
        this.runs = runs;
        this.rows = rows;
        this.columns = columns;
        this.cells = cells;
        this.speed = speed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<RunInfo> runs() {
        return runs;
    }

    public List<Behaviour> rows() {
        return rows;
    }

    public List<MountType> columns() {
        return columns;
    }

    /** Empty where that behaviour was not tested on that mount type. */
    public Optional<Cell> cell(String behaviourId, MountType column) {
        return Optional.ofNullable(cells.getOrDefault(behaviourId, Map.of()).get(column));
    }

    /** The performance section: measurements per workload and mount type, sorted by workload, type and variant. */
    public List<SpeedFigure> speed() {
        return speed;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** How many cells have each outcome, in {@link Outcome} order; outcomes no cell has are left out. */
    public Map<Outcome, Long> outcomeCounts() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        cells.values().forEach(row -> row.values().forEach(c -> counts.merge(c.outcome(), 1L, Long::sum)));
        return Collections.unmodifiableMap(counts);
    }

    /** The outcome counts in words, worst first: "1 fail, 1 known limitation, 3 pass"; "no results" when empty. */
    public String outcomeSummary() {
        Map<Outcome, Long> counts = outcomeCounts();
        if (counts.isEmpty()) {
            return "no results";
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Outcome, Long>comparingByKey().reversed())
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", "));
    }

    /** Collects results, possibly from several test threads at once, then {@link #build() builds} the matrix. */
    public static final class Builder {
        private final Map<String, RunInfo> runs = new LinkedHashMap<>();
        private final Map<String, Behaviour> rows = new TreeMap<>();
        private final Set<MountType> columns = EnumSet.noneOf(MountType.class);
        private final Map<String, Map<MountType, List<Observation>>> cells = new TreeMap<>();
        private final Map<String, SpeedFigure> speed = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds or replaces (by id) a run. */
        public synchronized Builder run(RunInfo run) {
            runs.put(run.id(), run);
            return this;
        }

        /** Shows a column even when no cell in it has a result. */
        public synchronized Builder column(MountType column) {
            columns.add(column);
            return this;
        }

        /** Adds a row with no results yet; a title given later for the same id does not replace this one. */
        public synchronized Builder row(Behaviour behaviour) {
            rows.putIfAbsent(behaviour.id(), behaviour);
            return this;
        }

        public synchronized Builder add(Behaviour behaviour, MountType column, Observation observation) {
            row(behaviour);
            columns.add(column);
            cells.computeIfAbsent(behaviour.id(), id -> new EnumMap<>(MountType.class))
                    .computeIfAbsent(column, c -> new ArrayList<>())
                    .add(observation);
            return this;
        }

        /** Adds a performance figure; one with the same workload, mount type and variant replaces it. */
        public synchronized Builder figure(SpeedFigure figure) {
            speed.put(figure.key(), figure);
            return this;
        }

        /**
         * @throws IllegalArgumentException when an observation names a run that was never added
         */
        public synchronized MountMatrix build() {
            Map<String, Map<MountType, Cell>> built = new LinkedHashMap<>();
            cells.forEach((id, row) -> {
                Map<MountType, Cell> builtRow = new EnumMap<>(MountType.class);
                row.forEach((column, observations) -> {
                    for (Observation o : observations) {
                        if (!runs.containsKey(o.run())) {
                            throw new IllegalArgumentException("behaviour \"" + id + "\" on " + column
                                    + ": observation of " + o.test() + " names run \"" + o.run()
                                    + "\", which is not one of " + runs.keySet());
                        }
                    }
                    builtRow.put(column, new Cell(observations));
                });
                built.put(id, Collections.unmodifiableMap(builtRow));
            });
            for (SpeedFigure f : speed.values()) {
                if (!runs.containsKey(f.run())) {
                    throw new IllegalArgumentException("performance figure " + f.key() + " names run \"" + f.run()
                            + "\", which is not one of " + runs.keySet());
                }
            }
            return new MountMatrix(
                    List.copyOf(runs.values()),
                    List.copyOf(rows.values()),
                    columns.stream().sorted(Comparator.naturalOrder()).collect(Collectors.toUnmodifiableList()),
                    Collections.unmodifiableMap(built),
                    speed.values().stream().sorted(Comparator.comparing(SpeedFigure::workload)
                                    .thenComparing(SpeedFigure::mountType).thenComparing(SpeedFigure::variant))
                            .toList());
        }
    }
}
