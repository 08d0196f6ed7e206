package dev.limajunit.core.config;

import java.util.Objects;

/**
 * One finding about an instance spec or a lima.yaml.
 *
 * @param severity error (stops) or warning (reported, goes on)
 * @param field    the machine-readable path of the field, e.g. {@code mounts[1].9p.msize} or {@code mountType}
 * @param message  the whole sentence a person reads: where, the field, the value and the rule, e.g.
 *                 {@code mounts[1] (~/src): 9p.msize "2KiB" is below the 4KiB minimum}
 */
public record ValidationIssue(Severity severity, String field, String message) {

    public ValidationIssue {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    public static ValidationIssue error(String field, String message) {
        return new ValidationIssue(Severity.ERROR, field, message);
    }

    public static ValidationIssue warning(String field, String message) {
        return new ValidationIssue(Severity.WARNING, field, message);
    }

    /** {@link #field()} in parts. */
    public FieldPath path() {
        return FieldPath.parse(field);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code error: <message>} or {@code warning: <message>}, as the CLI prints it. */
    @Override
    public String toString() {
        return (isError() ? "error: " : "warning: ") + message;
    }
}
