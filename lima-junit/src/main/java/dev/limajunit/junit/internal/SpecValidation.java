package dev.limajunit.junit.internal;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.config.ValidationReport;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.junit.LimaConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.apiguardian.api.API;

/**
 * Applies lima-core's rules and defaults to a request, and words every broken rule by the attribute as the user
 * declared it ({@code @LimaInstance(mounts[0].ninep.msize): ...}, {@code LimaVm(mounts[0].9p.msize): ...}).
 */
@API(status = API.Status.INTERNAL)
public final class SpecValidation {

    private SpecValidation() {
    }

    /**
     * @param freshDirectory gives the host directory of mount {@code i} when it asked for a fresh one
     * @throws LimaConfigurationException listing every broken rule
     */
    static ResolvedInstance resolve(InstanceRequest request, HostFacts facts, IntFunction<Path> freshDirectory) {
        SpecResolver resolver = new SpecResolver(facts);
        InstanceSpec spec = concrete(request, freshDirectory);
        Optional<LimaConfigurationException> problems = problems(request, resolver.validate(spec));
        if (problems.isPresent()) {
            throw problems.get();
        }
        return resolver.resolve(spec);
    }

    /** The warnings lima-core has for this request (logged, never fatal). */
    static List<ValidationIssue> warnings(InstanceRequest request, HostFacts facts, IntFunction<Path> freshDirectory) {
        return new SpecResolver(facts).validate(concrete(request, freshDirectory)).warnings();
    }

    /**
     * Checks the request without creating anything (fresh mounts get a placeholder path), for deciding before a
     * boot whether the class must fail.
     */
    static Optional<LimaConfigurationException> problems(InstanceRequest request, HostFacts facts) {
        return problems(request, new SpecResolver(facts).validate(concrete(request, SpecValidation::placeholder)));
    }

    /** Every error of the report, worded by the attribute as the user declared it. */
    private static Optional<LimaConfigurationException> problems(InstanceRequest request, ValidationReport report) {
        if (!report.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(AttributeMessages.invalid(request.origin(), report.errors().stream()
                .map(issue -> request.declaration().attribute(issue)).toList()));
    }

    /**
     * The errors of a spec as a builder declared it, checked without a host (fresh mounts get a placeholder path),
     * worded by {@code declaration}. Options for another mount type than {@code namedType} are errors too when they
     * were declared in code ({@code fromYaml} tells which mounts came from a lima.yaml, where Lima only warns).
     */
    public static List<String> asBuilt(InstanceSpec spec, Set<Integer> freshMounts, MountType namedType,
            IntPredicate fromYaml, Declaration declaration) {
        ValidationReport report = SpecResolver.validateAsWritten(withPlaceholders(spec, freshMounts),
                Path.of(System.getProperty("user.home")));
        List<String> errors = new ArrayList<>();
        for (ValidationIssue issue : report.issues()) {
            Optional<String> block = issue.path().optionsBlock();
            if (issue.isError()) {
                errors.add(declaration.attribute(issue));
            } else if (namedType != null && block.isPresent() && !fromYaml.test(issue.path().mount().getAsInt())) {
                errors.add(AttributeMessages.optionsOfAnotherType(declaration.attribute(issue), block.get()));
            }
        }
        return errors;
    }

    /** The spec with a placeholder path for each fresh mount, for checking it before anything is created. */
    public static InstanceSpec withPlaceholders(InstanceSpec spec, Set<Integer> freshMounts) {
        return concrete(spec, freshMounts, SpecValidation::placeholder);
    }

    private static Path placeholder(int index) {
        return Path.of(System.getProperty("java.io.tmpdir"), "lima-junit-fresh-" + index);
    }

    private static InstanceSpec concrete(InstanceRequest request, IntFunction<Path> freshDirectory) {
        return concrete(request.spec(), request.freshMounts(), freshDirectory);
    }

    private static InstanceSpec concrete(InstanceSpec spec, Set<Integer> freshMounts,
            IntFunction<Path> freshDirectory) {
        List<MountSpec> mounts = new ArrayList<>(spec.mounts());
        for (int i = 0; i < mounts.size(); i++) {
            if (freshMounts.contains(i)) {
                MountSpec m = mounts.get(i);
                mounts.set(i, new MountSpec(freshDirectory.apply(i).toString(), m.mountPoint(), m.writable(), m.sshfs(),
                        m.ninep(), m.virtiofs()));
            }
        }
        return spec.withMounts(mounts);
    }
}
