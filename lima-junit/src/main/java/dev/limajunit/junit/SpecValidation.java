package dev.limajunit.junit;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.InvalidSpecException;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.host.HostFacts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Applies lima-core's rules and defaults to a request, and words every broken rule by the annotation attribute
 * ({@code @LimaInstance(mounts[0].ninep.msize): ...}).
 */
final class SpecValidation {

    private SpecValidation() {
    }

    /**
     * @param freshDirectory gives the host directory of mount {@code i} when it asked for a fresh one
     * @throws LimaConfigurationException listing every broken rule
     */
    static ResolvedInstance resolve(InstanceRequest request, HostFacts facts, IntFunction<Path> freshDirectory) {
        try {
            return new SpecResolver(facts).resolve(concrete(request, freshDirectory));
        } catch (InvalidSpecException e) {
            throw new LimaConfigurationException(AnnotationSpecReader.describe(origin(request),
                    e.errors().stream().map(SpecValidation::attributeMessage).toList()), e);
        }
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
        try {
            resolve(request, facts, i -> Path.of(System.getProperty("java.io.tmpdir"), "lima-junit-fresh-" + i));
            return Optional.empty();
        } catch (LimaConfigurationException e) {
            return Optional.of(e);
        }
    }

    private static InstanceSpec concrete(InstanceRequest request, IntFunction<Path> freshDirectory) {
        List<MountSpec> mounts = new ArrayList<>(request.spec().mounts());
        for (int i = 0; i < mounts.size(); i++) {
            if (request.freshMounts().contains(i)) {
                MountSpec m = mounts.get(i);
                mounts.set(i, new MountSpec(freshDirectory.apply(i).toString(), m.mountPoint(), m.writable(), m.sshfs(),
                        m.ninep(), m.virtiofs()));
            }
        }
        return request.spec().withMounts(mounts);
    }

    /** Names a validation error by the annotation attribute: {@code mounts[0].9p.msize} -> {@code mounts[0].ninep.msize}. */
    static String attributeMessage(ValidationIssue issue) {
        String attribute = issue.field().replace(".9p.", ".ninep.").replaceFirst("^9p\\.", "ninep.");
        return "@LimaInstance(" + attribute + "): " + issue.message();
    }

    private static String origin(InstanceRequest request) {
        return request.origin().replaceFirst("^@LimaInstance on ", "");
    }
}
