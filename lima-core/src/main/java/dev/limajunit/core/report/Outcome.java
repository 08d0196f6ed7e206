package dev.limajunit.core.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How one behaviour fared on one mount type. The constants are ordered from least to most alarming: when several
 * results land in one cell (two tests, two runs, two merged files), the cell shows the worst of them.
 */
public enum Outcome {
    /** Not run here (unsupported combination, assumption failed); carries no evidence either way. */
    SKIPPED("skipped"),
    PASS("pass"),
    /** Failed, as declared for this mount type: the documented limitation still holds. */
    KNOWN_LIMITATION("known limitation"),
    /** Declared a known limitation, but passed: the limitation may be fixed, the declaration may be stale. */
    UNEXPECTED_PASS("unexpected pass"),
    FAIL("fail");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The words shown in the Markdown and HTML tables ("known limitation"). */
    public String label() {
        return label;
    }

    /** The spelling in the JSON file ("known-limitation"). */
    public String jsonName() {
        return label.replace(' ', '-');
    }

    public Outcome worse(Outcome other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static Outcome fromJson(String name) {
        for (Outcome o : values()) {
            if (o.jsonName().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("outcome \"" + name + "\" is not one of "
                + Arrays.stream(values()).map(o -> "\"" + o.jsonName() + "\"").collect(Collectors.joining(", ")));
    }
}
