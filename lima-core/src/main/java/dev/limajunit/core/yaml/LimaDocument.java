package dev.limajunit.core.yaml;

import dev.limajunit.core.config.InstanceSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One lima.yaml, kept whole as a tree: what this project models is read with {@link #readSpec()} and written with
 * {@link #withSpec(InstanceSpec)}; every other field (images, provision, {@code base}, ...) is carried unchanged.
 * Immutable: writers return a new document.
 */
public final class LimaDocument {

    private final JsonNode root;

    LimaDocument(JsonNode root) {
        this.root = root.deepCopy();
    }

    /** An empty lima.yaml (a mapping with no fields). */
    public static LimaDocument empty() {
        return new LimaDocument(JsonNodeFactory.instance.objectNode());
    }

    /** A copy of the whole tree (a missing node for an empty file). */
    public JsonNode tree() {
        return root.deepCopy();
    }

    /** Whether the document is a mapping of fields (an empty file or a bare string is not). */
    public boolean isMapping() {
        return root.isObject();
    }

    /** The modelled fields, and what could not be read; never throws for bad values. */
    public SpecReading readSpec() {
        return InstanceSpecReader.read(root);
    }

    /**
     * A document with the modelled fields set from {@code spec} (unset fields removed) and every other field kept.
     */
    public LimaDocument withSpec(InstanceSpec spec) {
        ObjectNode copy = root.isObject() ? (ObjectNode) root.deepCopy() : JsonNodeFactory.instance.objectNode();
        InstanceSpecWriter.write(copy, spec);
        return new LimaDocument(copy);
    }

    /**
     * {@code base:} as data: Lima allows one template reference as a string or a list of them (strings or mappings
     * with a {@code url}). Empty when absent.
     */
    public List<String> base() {
        JsonNode base = root.path("base");
        List<String> result = new ArrayList<>();
        if (base.isString()) {
            result.add(base.stringValue());
        } else if (base.isArray()) {
            for (JsonNode item : base) {
                result.add(item.isObject() ? item.path("url").asString() : item.asString());
            }
        }
        return result;
    }

    public String toYaml() {
        return LimaYaml.write(root);
    }

    /** @throws LimaYamlException when the file cannot be written */
    public void write(Path file) {
        try {
            Files.writeString(file, toYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LimaYamlException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LimaDocument doc && doc.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
