package dev.limajunit.core.engine.limactl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the output of {@code limactl list --json}: one JSON object per line (JSON Lines), one line per instance,
 * nothing at all when there is no instance. Unknown fields are ignored, so newer Lima versions still parse.
 */
final class LimaListParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LimaListParser() {
    }

    /** @throws IllegalStateException naming the line that is not a JSON object */
    static List<LimaInstanceStatus> parse(String stdout) {
        List<LimaInstanceStatus> result = new ArrayList<>();
        String[] lines = stdout.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new IllegalStateException("line " + (i + 1) + " of `limactl list --json` is not JSON: " + line,
                        e);
            }
            if (!node.isObject()) {
                throw new IllegalStateException("line " + (i + 1) + " of `limactl list --json` is not a JSON object: "
                        + line);
            }
            result.add(toStatus(node));
        }
        return result;
    }

    private static LimaInstanceStatus toStatus(JsonNode node) {
        List<String> errors = new ArrayList<>();
        JsonNode errorsNode = node.path("errors");
        if (errorsNode.isArray()) {
            errorsNode.forEach(e -> errors.add(e.asString()));
        }
        String dir = text(node, "dir");
        String sshAddress = text(node, "sshAddress");
        return new LimaInstanceStatus(
                text(node, "name"),
                text(node, "status"),
                dir == null || dir.isEmpty() ? null : Path.of(dir),
                text(node, "vmType"),
                node.path("sshLocalPort").asInt(0),
                sshAddress == null || sshAddress.isEmpty() ? "127.0.0.1" : sshAddress,
                node.path("hostAgentPID").asLong(0),
                errors,
                text(node.path("config").path("user"), "name"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
