package dev.limajunit.junit.internal;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.VirtiofsOptions;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.config.YamlNamed;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.NineP;
import dev.limajunit.junit.Sshfs;
import dev.limajunit.junit.Toggle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * Turns a {@link LimaInstance} into an {@link InstanceRequest}. Only what the annotation's types cannot check is
 * checked here (enum spellings, durations, negative numbers); the Lima rules are lima-core's {@code SpecResolver}'s.
 * Every message starts with the attribute, as the user wrote it: {@code @LimaInstance(cpus = -1)}.
 */
@API(status = API.Status.INTERNAL)
public final class AnnotationSpecReader {

    private AnnotationSpecReader() {
    }

    /**
     * @param origin where the annotation sits, for messages ({@code com.example.FooTest})
     * @throws LimaConfigurationException naming every bad attribute
     */
    static InstanceRequest read(LimaInstance annotation, String origin) {
        List<String> errors = new ArrayList<>();
        VmType vmType = atMostOne(errors, "vmType", annotation.vmType(), "a VM has one type");
        MountType mountType = atMostOne(errors, "mountType", annotation.mountType(),
                "an instance has one mount type; use @ForEachMountType to run a class on several");
        if (annotation.cpus() < 0) {
            errors.add(AttributeMessages.annotation("cpus", annotation.cpus(), "must be 0 (engine default) or more"));
        }
        Duration startTimeout = InstanceRequest.DEFAULT_START_TIMEOUT;
        if (!annotation.startTimeout().isBlank()) {
            try {
                startTimeout = Durations.parse(annotation.startTimeout());
                if (startTimeout.isZero() || startTimeout.isNegative()) {
                    errors.add(AttributeMessages.annotation("startTimeout", annotation.startTimeout(),
                            AttributeMessages.MUST_BE_POSITIVE));
                }
            } catch (IllegalArgumentException e) {
                errors.add(AttributeMessages.annotation("startTimeout", annotation.startTimeout(), e.getMessage()));
            }
        }
        List<MountSpec> mounts = new ArrayList<>();
        Set<Integer> fresh = new HashSet<>();
        Mount[] declared = annotation.mounts();
        for (int i = 0; i < declared.length; i++) {
            Mount mount = declared[i];
            if (mount.location().isBlank()) {
                fresh.add(i);
            }
            if (mount.virtiofs().queueSize() < 0) {
                errors.add(AttributeMessages.annotation("mounts[" + i + "].virtiofs.queueSize",
                        mount.virtiofs().queueSize(), "must be 0 (QEMU's default) or more"));
            }
            mounts.add(mountSpec(mount));
        }
        if (!errors.isEmpty()) {
            throw new LimaConfigurationException(describe(origin, errors));
        }
        InstanceSpec spec = new InstanceSpec(
                vmType,
                mountType,
                mounts,
                annotation.mountInotify() ? Boolean.TRUE : null,
                annotation.cpus() == 0 ? null : annotation.cpus(),
                blankToNull(annotation.memory()),
                blankToNull(annotation.disk()),
                List.of());
        return new InstanceRequest(spec, fresh, annotation.engine(), annotation.template().trim(), startTimeout,
                annotation.shared(), new Declaration.Annotation("@LimaInstance on " + origin));
    }

    /** The message for one or more bad attributes, one line each ({@code @LimaInstance(attribute = value): rule}). */
    static String describe(String origin, List<String> errors) {
        return AttributeMessages.invalid("@LimaInstance on " + origin, errors).getMessage();
    }

    private static MountSpec mountSpec(Mount mount) {
        Sshfs sshfs = mount.sshfs();
        NineP ninep = mount.ninep();
        return new MountSpec(
                blankToNull(mount.location()),
                blankToNull(mount.mountPoint()),
                mount.writable() ? Boolean.TRUE : null,
                new SshfsOptions(toggle(sshfs.cache()), toggle(sshfs.followSymlinks()),
                blankToNull(sshfs.sftpDriver())),
                new NinePOptions(blankToNull(ninep.securityModel()), blankToNull(ninep.protocolVersion()),
                        blankToNull(ninep.msize()), blankToNull(ninep.cache())),
                new VirtiofsOptions(mount.virtiofs().queueSize() == 0 ? null : mount.virtiofs().queueSize()));
    }

    /** The one value of an attribute that is an array only so it can be left unset; null when empty. */
    private static <T extends YamlNamed> T atMostOne(List<String> errors, String attribute, T[] values, String rule) {
        if (values.length > 1) {
            // an array is written as in the source, unquoted: {9p, virtiofs}
            errors.add(AttributeMessages.annotation(attribute, new AnnotationArray(Arrays.stream(values)
                    .map(YamlNamed::yamlName).collect(Collectors.joining(", ", "{", "}"))),
                    "names " + values.length + " values; " + rule));
            return null;
        }
        return values.length == 0 ? null : values[0];
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code null} for {@link Toggle#UNSET}, as the core spec model writes "not set". */
    private static Boolean toggle(Toggle toggle) {
        return switch (toggle) {
            case UNSET -> null;
            case ON -> Boolean.TRUE;
            case OFF -> Boolean.FALSE;
        };
    }

    /** An array attribute's values as written in the source; its {@link #toString()} is not quoted. */
    private record AnnotationArray(String written) {
        @Override
        public String toString() {
            return written;
        }
    }
}
