package dev.limajunit.core.config;

import java.util.List;
import java.util.stream.Collectors;

/** An instance spec broke one or more rules; nothing was started. The message lists every error. */
public class InvalidSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationIssue> errors;

    public InvalidSpecException(List<ValidationIssue> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    /** The errors, in the order they were found. */
    public List<ValidationIssue> errors() {
        return errors;
    }

    private static String describe(List<ValidationIssue> errors) {
        String lines = errors.stream().map(e -> "  - " + e.message()).collect(Collectors.joining("\n"));
        return "invalid instance spec (" + errors.size() + (errors.size() == 1 ? " error" : " errors") + "):\n" + lines;
    }
}
