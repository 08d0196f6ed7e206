package dev.limajunit.core.yaml;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountRef;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.SpecIssues;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.config.VirtiofsOptions;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.config.YamlNamed;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the modelled fields out of a lima.yaml tree. Never throws on bad values: a value of the wrong type or an
 * unknown enum string becomes an error naming the field (and the allowed values), and the field stays unset.
 */
final class InstanceSpecReader {

    /** Lima accepts "default" for vmType and mountType: "let Lima choose", the same as leaving it unset. */
    private static final String LIMA_DEFAULT = "default";

    private final List<ValidationIssue> issues = new ArrayList<>();

    static SpecReading read(JsonNode root) {
        return new InstanceSpecReader().readRoot(root);
    }

    private SpecReading readRoot(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new SpecReading(new InstanceSpec(null, null, null, null, null, null, null, null), List.of());
        }
        if (!root.isObject()) {
            boolean symlinkAsText = root.isString() && root.stringValue().matches("\\S+\\.ya?ml");
            issues.add(ValidationIssue.warning("(document)", "the document is " + describe(root)
                    + ", not a mapping of lima.yaml fields, so there is nothing to check"
                    + (symlinkAsText ? " (it looks like a symlink to " + root.stringValue() + " stored as plain text)"
                            : "")));
            return new SpecReading(new InstanceSpec(null, null, null, null, null, null, null, null), issues);
        }
        VmType vmType = enumValue(root, "vmType", VmType.class, VmType::fromYaml, VmType.allowed());
        MountType mountType = enumValue(root, "mountType", MountType.class, MountType::fromYaml, MountType.allowed());
        List<MountSpec> mounts = mounts(root.get("mounts"));
        Boolean inotify = bool(root.get("mountInotify"), "mountInotify", null);
        Integer cpus = integer(root.get("cpus"), "cpus", null);
        String memory = sizeText(root.get("memory"), "memory", null);
        String disk = sizeText(root.get("disk"), "disk", null);
        List<MountType> unsupported = mountTypesUnsupported(root.get("mountTypesUnsupported"));
        return new SpecReading(new InstanceSpec(vmType, mountType, mounts, inotify, cpus, memory, disk, unsupported),
                issues);
    }

    private <E extends Enum<E> & YamlNamed> E enumValue(
            JsonNode root, String field, Class<E> type, Function<String, E> parse, String allowed) {
        JsonNode node = root.get(field);
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            issues.add(SpecIssues.error(field, node, "is not a string; allowed: " + allowed));
            return null;
        }
        String text = node.stringValue();
        if (text.isEmpty() || text.equals(LIMA_DEFAULT)) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            issues.add(SpecIssues.error(field, text, "is not one of " + allowed));
            return null;
        }
    }

    private List<MountType> mountTypesUnsupported(JsonNode node) {
        List<MountType> result = new ArrayList<>();
        if (absent(node)) {
            return result;
        }
        if (!node.isArray()) {
            issues.add(SpecIssues.error("mountTypesUnsupported", node, "is not a list of mount types"));
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            String field = "mountTypesUnsupported[" + i + "]";
            JsonNode item = node.get(i);
            try {
                result.add(MountType.fromYaml(item.isString() ? item.stringValue() : item.toString()));
            } catch (IllegalArgumentException e) {
                issues.add(SpecIssues.error(field, item, "is not one of " + MountType.allowed()));
            }
        }
        return result;
    }

    private List<MountSpec> mounts(JsonNode node) {
        List<MountSpec> result = new ArrayList<>();
        if (absent(node)) {
            return result;
        }
        if (!node.isArray()) {
            issues.add(SpecIssues.error("mounts", node, "is not a list of mounts"));
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (!entry.isObject()) {
                issues.add(ValidationIssue.error("mounts[" + i + "]",
                        "mounts[" + i + "] is " + describe(entry) + ", not a mapping with a location"));
                continue;
            }
            result.add(mount(i, entry));
        }
        return result;
    }

    private MountSpec mount(int index, JsonNode entry) {
        JsonNode locationNode = entry.get("location");
        String location = absent(locationNode) ? null : locationNode.isValueNode() ? locationNode.asString() : null;
        MountRef ref = new MountRef(index, location);
        if (locationNode != null && !absent(locationNode) && !locationNode.isValueNode()) {
            issues.add(ref.error("location", locationNode, "is not a path"));
        }
        String mountPoint = text(entry.get("mountPoint"), "mountPoint", ref);
        Boolean writable = bool(entry.get("writable"), "writable", ref);
        SshfsOptions sshfs = SshfsOptions.UNSET;
        JsonNode sshfsNode = block(entry, "sshfs", ref);
        if (sshfsNode != null) {
            sshfs = new SshfsOptions(
                    bool(sshfsNode.get("cache"), "sshfs.cache", ref),
                    bool(sshfsNode.get("followSymlinks"), "sshfs.followSymlinks", ref),
                    text(sshfsNode.get("sftpDriver"), "sshfs.sftpDriver", ref));
        }
        NinePOptions ninep = NinePOptions.UNSET;
        JsonNode ninepNode = block(entry, "9p", ref);
        if (ninepNode != null) {
            ninep = new NinePOptions(
                    text(ninepNode.get("securityModel"), "9p.securityModel", ref),
                    text(ninepNode.get("protocolVersion"), "9p.protocolVersion", ref),
                    sizeText(ninepNode.get("msize"), "9p.msize", ref),
                    text(ninepNode.get("cache"), "9p.cache", ref));
        }
        VirtiofsOptions virtiofs = VirtiofsOptions.UNSET;
        JsonNode virtiofsNode = block(entry, "virtiofs", ref);
        if (virtiofsNode != null) {
            virtiofs = new VirtiofsOptions(integer(virtiofsNode.get("queueSize"), "virtiofs.queueSize", ref));
        }
        return new MountSpec(location, mountPoint, writable, sshfs, ninep, virtiofs);
    }

    private JsonNode block(JsonNode entry, String name, MountRef ref) {
        JsonNode node = entry.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            issues.add(ref.error(name, node, "is not a mapping of " + name + " options"));
            return null;
        }
        return node;
    }

    private String text(JsonNode node, String field, MountRef ref) {
        if (absent(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            issues.add(wrongType(ref, field, node, "is not a string"));
            return null;
        }
        return node.asString();
    }

    /** Sizes are strings in Lima ("128KiB"); a bare number of bytes is accepted too. */
    private String sizeText(JsonNode node, String field, MountRef ref) {
        if (absent(node)) {
            return null;
        }
        if (node.isString() || node.isIntegralNumber()) {
            return node.asString();
        }
        issues.add(wrongType(ref, field, node, "is not a size such as \"128KiB\""));
        return null;
    }

    private Boolean bool(JsonNode node, String field, MountRef ref) {
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            issues.add(wrongType(ref, field, node, "is not a boolean (true or false)"));
            return null;
        }
        return node.booleanValue();
    }

    private Integer integer(JsonNode node, String field, MountRef ref) {
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            issues.add(wrongType(ref, field, node, "is not a whole number"));
            return null;
        }
        return node.intValue();
    }

    private static ValidationIssue wrongType(MountRef ref, String field, Object value, String rule) {
        return ref == null ? SpecIssues.error(field, value, rule) : ref.error(field, value, rule);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        } else if (node.isObject()) {
            return "a mapping";
        } else if (node.isString()) {
            return "the text \"" + node.stringValue() + "\"";
        }
        return "the value " + node;
    }
}
