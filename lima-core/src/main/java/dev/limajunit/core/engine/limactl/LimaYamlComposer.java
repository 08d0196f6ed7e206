package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import java.io.IOException;
import java.nio.file.Files;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes {@code lima.yaml} with Jackson's YAML tree model. Templates are referenced through Lima's {@code base:}
 * list ({@code template:NAME}), so Lima itself fills in images and everything else of the template; a user's file
 * is copied with every field kept, and only the fields the spec decides (vmType, cpus, memory, mountType,
 * mountInotify, mounts) are replaced.
 */
final class LimaYamlComposer implements LimaYamlWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();

    @Override
    public String write(ResolvedInstance spec, LimaBase base) {
        ObjectNode root = base instanceof LimaBase.UserFile file ? readUserFile(file) : withBase(base.toString());
        root.put("vmType", spec.vmType().yamlName());
        root.put("cpus", spec.cpus());
        root.put("memory", byteSize(spec.memoryBytes()));
        root.put("mountType", spec.mountType().yamlName());
        root.put("mountInotify", spec.mountInotify());
        ArrayNode mounts = root.putArray("mounts");
        for (ResolvedMount mount : spec.mounts()) {
            mounts.add(mount(mount, spec.mountType()));
        }
        return YAML.writeValueAsString(root);
    }

    private static ObjectNode withBase(String template) {
        ObjectNode root = YAML.createObjectNode();
        root.putArray("base").add(template);
        return root;
    }

    private static ObjectNode readUserFile(LimaBase.UserFile base) {
        String text;
        try {
            text = Files.readString(base.file());
        } catch (IOException e) {
            throw new IllegalArgumentException("lima base file " + base.file() + " cannot be read: " + e.getMessage(), e);
        }
        JsonNode tree;
        try {
            tree = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("lima base file " + base.file() + " is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return YAML.createObjectNode();
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("lima base file " + base.file()
                    + " must hold a YAML mapping at its top, found " + tree.getNodeType());
        }
        return (ObjectNode) tree;
    }

    private static ObjectNode mount(ResolvedMount mount, MountType type) {
        ObjectNode node = YAML.createObjectNode();
        node.put("location", mount.location().toString());
        node.put("mountPoint", mount.mountPoint());
        node.put("writable", mount.writable());
        switch (type) {
            case REVERSE_SSHFS -> {
                ObjectNode sshfs = node.putObject("sshfs");
                sshfs.put("cache", mount.sshfs().cache());
                sshfs.put("followSymlinks", mount.sshfs().followSymlinks());
                sshfs.put("sftpDriver", mount.sshfs().sftpDriver().yamlName());
            }
            case NINEP -> {
                ObjectNode ninep = node.putObject("9p");
                ninep.put("securityModel", mount.ninep().securityModel().yamlName());
                ninep.put("protocolVersion", mount.ninep().protocolVersion().yamlName());
                ninep.put("msize", byteSize(mount.ninep().msizeBytes()));
                ninep.put("cache", mount.ninep().cache().yamlName());
            }
            case VIRTIOFS, WSL2 -> {
                // Lima has no per-mount options for these types
            }
        }
        return node;
    }

    /** Lima parses sizes with binary suffixes ("128KiB", "4GiB"); a plain number is bytes. */
    static String byteSize(long bytes) {
        String[] units = {"GiB", "MiB", "KiB"};
        long[] sizes = {1L << 30, 1L << 20, 1L << 10};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
                return (bytes / sizes[i]) + units[i];
            }
        }
        return Long.toString(bytes);
    }
}
