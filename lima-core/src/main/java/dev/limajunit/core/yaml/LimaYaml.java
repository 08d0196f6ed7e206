package dev.limajunit.core.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes Lima's {@code lima.yaml} as a whole tree, so that fields this project does not model survive a
 * read and a write with their values (comments do not: YAML parsers drop them).
 */
public final class LimaYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();

    private LimaYaml() {
    }

    /**
     * @throws LimaYamlException when the file cannot be read or is not YAML, naming the file and the position
     */
    public static LimaDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LimaYamlException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** @throws LimaYamlException when the text is not YAML */
    public static LimaDocument parse(String yaml) {
        return parse(yaml, "lima.yaml");
    }

    private static LimaDocument parse(String yaml, String source) {
        try {
            JsonNode root = MAPPER.readTree(yaml);
            return new LimaDocument(root == null ? MissingNode.getInstance() : root);
        } catch (JacksonException e) {
            throw new LimaYamlException(source + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    /** The tree as YAML text; an empty document is the empty string. */
    static String write(JsonNode root) {
        if (root == null || root.isMissingNode()) {
            return "";
        }
        return MAPPER.writeValueAsString(root);
    }
}
