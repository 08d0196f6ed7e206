package dev.limajunit.core.config;

import java.util.ArrayList;
import java.util.List;

/** Every finding of a validation, errors and warnings, in the order they were found. */
public record ValidationReport(List<ValidationIssue> issues) {

    public ValidationReport {
        issues = List.copyOf(issues);
    }

    public static ValidationReport of(List<ValidationIssue> first, List<ValidationIssue> second) {
        List<ValidationIssue> all = new ArrayList<>(first);
        all.addAll(second);
        return new ValidationReport(all);
    }

    public List<ValidationIssue> errors() {
        return issues.stream().filter(ValidationIssue::isError).toList();
    }

    public List<ValidationIssue> warnings() {
        return issues.stream().filter(issue -> !issue.isError()).toList();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(ValidationIssue::isError);
    }

    /** @throws InvalidSpecException listing every error, when there is one */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new InvalidSpecException(errors());
        }
    }
}
