package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.util.Objects;
import java.util.Optional;

/**
 * One cell (behaviour on a mount type) of two runs side by side. A cell missing from a run means that run did not
 * test the behaviour on that mount type; a cell in neither run is never compared.
 */
public record CellComparison(Behaviour behaviour, MountType column, Optional<Cell> a, Optional<Cell> b) {

    /** How the two runs' cells relate, from the strongest difference to agreement. */
    public enum Verdict {
        OUTCOME("outcome"),
        LATENCY_CLASS("latency class"),
        ONLY_IN_A("only in A"),
        ONLY_IN_B("only in B"),
        AGREE("agree");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CellComparison {
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(column, "column");
        if (a.isEmpty() && b.isEmpty()) {
            throw new IllegalArgumentException(behaviour.id() + " on " + column + ": neither run has this cell");
        }
    }

    /** The outcome decides first: cells that differ in outcome and in latency class count as an outcome difference. */
    public Verdict verdict() {
        if (b.isEmpty()) {
            return Verdict.ONLY_IN_A;
        }
        if (a.isEmpty()) {
            return Verdict.ONLY_IN_B;
        }
        if (a.get().outcome() != b.get().outcome()) {
            return Verdict.OUTCOME;
        }
        return a.get().latencyClass() == b.get().latencyClass() ? Verdict.AGREE : Verdict.LATENCY_CLASS;
    }
}
