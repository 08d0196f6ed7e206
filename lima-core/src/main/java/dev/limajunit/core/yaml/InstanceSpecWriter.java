package dev.limajunit.core.yaml;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link InstanceSpec} into a lima.yaml tree: modelled fields are set (or removed when unset), every other
 * field stays, including unmodelled fields inside existing mount entries (matched by position).
 */
final class InstanceSpecWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InstanceSpecWriter() {
    }

    static void write(ObjectNode root, InstanceSpec spec) {
        put(root, "vmType", spec.vmType() == null ? null : spec.vmType().yamlName());
        put(root, "mountType", spec.mountType() == null ? null : spec.mountType().yamlName());
        putBoolean(root, "mountInotify", spec.mountInotify());
        if (spec.cpus() == null) {
            root.remove("cpus");
        } else {
            root.put("cpus", spec.cpus().intValue());
        }
        put(root, "memory", spec.memory());
        put(root, "disk", spec.disk());
        if (spec.mountTypesUnsupported().isEmpty()) {
            root.remove("mountTypesUnsupported");
        } else {
            ArrayNode list = NODES.arrayNode();
            spec.mountTypesUnsupported().stream().map(MountType::yamlName).forEach(list::add);
            root.set("mountTypesUnsupported", list);
        }
        root.set("mounts", mounts(root.get("mounts"), spec));
    }

    private static ArrayNode mounts(JsonNode existing, InstanceSpec spec) {
        ArrayNode result = NODES.arrayNode();
        for (int i = 0; i < spec.mounts().size(); i++) {
            JsonNode old = existing != null && existing.isArray() ? existing.get(i) : null;
            ObjectNode entry = old != null && old.isObject() ? ((ObjectNode) old).deepCopy() : NODES.objectNode();
            writeMount(entry, spec.mounts().get(i));
            result.add(entry);
        }
        return result;
    }

    private static void writeMount(ObjectNode entry, MountSpec mount) {
        put(entry, "location", mount.location());
        put(entry, "mountPoint", mount.mountPoint());
        putBoolean(entry, "writable", mount.writable());

        ObjectNode sshfs = block(entry, "sshfs");
        putBoolean(sshfs, "cache", mount.sshfs().cache());
        putBoolean(sshfs, "followSymlinks", mount.sshfs().followSymlinks());
        put(sshfs, "sftpDriver", mount.sshfs().sftpDriver());
        keepIfUsed(entry, "sshfs", sshfs);

        ObjectNode ninep = block(entry, "9p");
        put(ninep, "securityModel", mount.ninep().securityModel());
        put(ninep, "protocolVersion", mount.ninep().protocolVersion());
        put(ninep, "msize", mount.ninep().msize());
        put(ninep, "cache", mount.ninep().cache());
        keepIfUsed(entry, "9p", ninep);

        ObjectNode virtiofs = block(entry, "virtiofs");
        if (mount.virtiofs().queueSize() == null) {
            virtiofs.remove("queueSize");
        } else {
            virtiofs.put("queueSize", mount.virtiofs().queueSize().intValue());
        }
        keepIfUsed(entry, "virtiofs", virtiofs);
    }

    private static ObjectNode block(ObjectNode entry, String name) {
        JsonNode old = entry.get(name);
        return old != null && old.isObject() ? (ObjectNode) old : NODES.objectNode();
    }

    /** An options block with nothing in it is left out, as Lima users write it. */
    private static void keepIfUsed(ObjectNode entry, String name, ObjectNode block) {
        if (block.isEmpty()) {
            entry.remove(name);
        } else {
            entry.set(name, block);
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.put(field, value);
        }
    }

    private static void putBoolean(ObjectNode node, String field, Boolean value) {
        if (value == null) {
            node.remove(field);
        } else {
            node.put(field, value.booleanValue());
        }
    }
}
