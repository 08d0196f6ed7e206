package dev.limajunit.junit;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.yaml.LimaDocument;
import dev.limajunit.core.yaml.LimaYaml;
import dev.limajunit.core.yaml.LimaYamlException;
import dev.limajunit.core.yaml.SpecReading;
import dev.limajunit.junit.internal.AttributeMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a user's lima.yaml into a {@link LimaVm.Builder} with lima-core's reader ({@code lima-junit validate} reads
 * it the same way): the fields lima-junit models are taken, every other field is ignored with one warning, and a
 * file that is missing, is not YAML or has a value of the wrong type fails naming the file (and the line, where the
 * YAML parser gives one).
 */
final class LimaVmYaml {

    private static final Logger LOG = LoggerFactory.getLogger(LimaVmYaml.class);

    /** The top-level fields a LimaVm takes from a lima.yaml. */
    static final Set<String> TAKEN = Set.of("vmType", "mountType", "mounts", "mountInotify", "cpus", "memory", "disk",
            "mountTypesUnsupported");

    private LimaVmYaml() {
    }

    /** @throws LimaConfigurationException naming the file and what is wrong with it; nothing boots */
    static LimaVm.Builder read(Path limaYaml) {
        Path file = limaYaml.toAbsolutePath().normalize();
        String origin = AttributeMessages.LIMA_VM + ".fromLimaYaml(" + file + ")";
        if (!Files.isRegularFile(file)) {
            throw AttributeMessages.invalid(origin, List.of(file + ": " + (Files.exists(file)
                    ? "is not a regular file" : "does not exist (a relative path is taken from the working directory, "
                            + Path.of("").toAbsolutePath() + ")")));
        }
        LimaDocument document;
        try {
            document = LimaYaml.read(file);
        } catch (LimaYamlException e) {
            throw AttributeMessages.invalid(origin, List.of(e.getMessage()), e);
        }
        if (!document.isMapping()) {
            throw AttributeMessages.invalid(origin, List.of(file + ": the document is not a mapping of"
                    + " lima.yaml fields (vmType, mountType, mounts, ...)"));
        }
        SpecReading reading = document.readSpec();
        List<String> errors = reading.issues().stream().filter(ValidationIssue::isError)
                .map(AttributeMessages::limaVm).toList();
        if (!errors.isEmpty()) {
            throw AttributeMessages.invalid(origin, errors);
        }
        List<String> ignored = ignoredFields(document);
        if (!ignored.isEmpty()) {
            LOG.warn("lima-junit: {}: ignores {}: a LimaVm takes only {} from a lima.yaml (the engine boots its own"
                    + " guest, or with limactl its template: set one with toBuilder().template(...))", origin,
                    String.join(", ", ignored), String.join(", ", TAKEN.stream().sorted().toList()));
        }
        return toBuilder(reading.spec(), origin);
    }

    private static LimaVm.Builder toBuilder(InstanceSpec spec, String origin) {
        LimaVm.Builder builder = LimaVm.builder().fromYaml(origin)
                .vmType(spec.vmType())
                .mountType(spec.mountType())
                .mountTypesUnsupported(spec.mountTypesUnsupported())
                .memory(spec.memory())
                .disk(spec.disk());
        if (spec.mountInotify() != null) {
            builder.mountInotify(spec.mountInotify());
        }
        if (spec.cpus() != null) {
            builder.cpus(spec.cpus());
        }
        builder.withoutDefaultMount();
        for (MountSpec mount : spec.mounts()) {
            builder.mount(LimaMount.fromYaml(mount));
        }
        return builder;
    }

    /** The top-level fields the lima.yaml sets that a LimaVm does not take, in file order. */
    private static List<String> ignoredFields(LimaDocument document) {
        List<String> ignored = new ArrayList<>();
        for (Iterator<String> names = document.tree().propertyNames().iterator(); names.hasNext(); ) {
            String name = names.next();
            if (!TAKEN.contains(name)) {
                ignored.add(name);
            }
        }
        return ignored;
    }
}
