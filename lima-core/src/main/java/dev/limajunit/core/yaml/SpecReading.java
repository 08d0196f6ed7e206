package dev.limajunit.core.yaml;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.ValidationIssue;
import java.util.List;

/**
 * What a lima.yaml says about the fields this project models, plus what could not be read (a value of the wrong
 * type, an unknown enum string): those fields are left unset in {@link #spec()} and reported in {@link #issues()}.
 */
public record SpecReading(InstanceSpec spec, List<ValidationIssue> issues) {

    public SpecReading {
        issues = List.copyOf(issues);
    }
}
