package dev.limajunit.core.config;

import java.util.List;

/** One group of validation rules; adds what it finds to {@code out}. */
interface SpecRule {

    void check(SpecContext context, List<ValidationIssue> out);
}
