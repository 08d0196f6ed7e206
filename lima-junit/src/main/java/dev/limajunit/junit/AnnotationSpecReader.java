package dev.limajunit.junit;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.VirtiofsOptions;
import dev.limajunit.core.config.VmType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a {@link LimaInstance} into an {@link InstanceRequest}. Only what the annotation's types cannot check is
 * checked here (enum spellings, durations, negative numbers); the Lima rules are lima-core's {@code SpecResolver}'s.
 * Every message starts with the attribute, as the user wrote it: {@code @LimaInstance(mountType = "10p")}.
 */
final class AnnotationSpecReader {

    private AnnotationSpecReader() {
    }

    /**
     * @param origin where the annotation sits, for messages ({@code com.example.FooTest})
     * @throws LimaConfigurationException naming every bad attribute
     */
    static InstanceRequest read(LimaInstance annotation, String origin) {
        List<String> errors = new ArrayList<>();
        VmType vmType = parseEnum(errors, "vmType", annotation.vmType(), VmType::fromYaml);
        MountType mountType = parseEnum(errors, "mountType", annotation.mountType(), MountType::fromYaml);
        if (annotation.cpus() < 0) {
            errors.add("@LimaInstance(cpus = " + annotation.cpus() + "): must be 0 (engine default) or more");
        }
        Duration startTimeout = InstanceRequest.DEFAULT_START_TIMEOUT;
        if (!annotation.startTimeout().isBlank()) {
            try {
                startTimeout = Durations.parse(annotation.startTimeout());
                if (startTimeout.isZero() || startTimeout.isNegative()) {
                    errors.add("@LimaInstance(startTimeout = \"" + annotation.startTimeout() + "\"): must be positive");
                }
            } catch (IllegalArgumentException e) {
                errors.add("@LimaInstance(startTimeout = \"" + annotation.startTimeout() + "\"): " + e.getMessage());
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
                errors.add("@LimaInstance(mounts[" + i + "].virtiofs.queueSize = " + mount.virtiofs().queueSize()
                        + "): must be 0 (QEMU's default) or more");
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
                annotation.shared(), "@LimaInstance on " + origin);
    }

    /** The message for one or more bad attributes, one line each ({@code @LimaInstance(attribute = value): rule}). */
    static String describe(String origin, List<String> errors) {
        StringBuilder message = new StringBuilder("invalid @LimaInstance on ").append(origin).append(" (")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors").append("), nothing was booted:");
        for (String error : errors) {
            message.append("\n  - ").append(error);
        }
        return message.toString();
    }

    private static MountSpec mountSpec(Mount mount) {
        Sshfs sshfs = mount.sshfs();
        NineP ninep = mount.ninep();
        return new MountSpec(
                blankToNull(mount.location()),
                blankToNull(mount.mountPoint()),
                mount.writable() ? Boolean.TRUE : null,
                new SshfsOptions(sshfs.cache().value(), sshfs.followSymlinks().value(), blankToNull(sshfs.sftpDriver())),
                new NinePOptions(blankToNull(ninep.securityModel()), blankToNull(ninep.protocolVersion()),
                        blankToNull(ninep.msize()), blankToNull(ninep.cache())),
                new VirtiofsOptions(mount.virtiofs().queueSize() == 0 ? null : mount.virtiofs().queueSize()));
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T parseEnum(List<String> errors, String attribute, String value, Parser<T> parser) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return parser.parse(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add("@LimaInstance(" + attribute + " = \"" + value + "\"): " + e.getMessage());
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
