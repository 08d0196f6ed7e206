package dev.limajunit.core.config;

/** Builds issues about instance-level fields ({@code mountType}, {@code cpus}, ...), worded like mount issues. */
public final class SpecIssues {

    private SpecIssues() {
    }

    /** {@code mountType "9p" <rule>}. */
    public static ValidationIssue error(String field, Object value, String rule) {
        return ValidationIssue.error(field, field + " " + Quote.of(value) + " " + rule);
    }

    public static ValidationIssue warning(String field, Object value, String rule) {
        return ValidationIssue.warning(field, field + " " + Quote.of(value) + " " + rule);
    }
}
