package dev.limajunit.core.engine.limactl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logs Lima leaves in an instance directory, and their tails for error messages. The host agent logs to
 * {@code ha.stderr.log} as JSON lines ({@code {"level":"info","msg":"...","time":"..."}}), which are shown as
 * {@code level msg}; the guest console goes to {@code serial.log} (and {@code serialp.log}/{@code serialv.log}).
 */
record InstanceLogs(Path instanceDir) {

    static final int TAIL_LINES = 25;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] FILES = {
        "ha.stderr.log", "ha.stdout.log", "serial.log", "serialp.log", "serialv.log", "lima.yaml"};

    Path hostAgentStderr() {
        return instanceDir.resolve("ha.stderr.log");
    }

    /** The diagnostic files that exist, by short name. */
    Map<String, Path> existingFiles() {
        Map<String, Path> files = new LinkedHashMap<>();
        for (String name : FILES) {
            Path file = instanceDir.resolve(name);
            if (Files.isRegularFile(file)) {
                files.put(name, file);
            }
        }
        return files;
    }

    /** The tails of the host agent's log and the serial logs, ready to append to an error message. */
    String tails() {
        StringBuilder out = new StringBuilder();
        String ha = readableHostAgentLog(LogTail.lastLines(hostAgentStderr(), TAIL_LINES));
        out.append("\n--- ").append(hostAgentStderr()).append(" (last lines) ---\n")
                .append(ha.isEmpty() ? "(missing or empty)" : ha);
        boolean anySerial = false;
        for (String serial : new String[] {"serial.log", "serialp.log", "serialv.log"}) {
            Path file = instanceDir.resolve(serial);
            String tail = LogTail.lastLines(file, TAIL_LINES);
            if (!tail.isEmpty()) {
                anySerial = true;
                out.append("\n--- ").append(file).append(" (last lines) ---\n").append(tail);
            }
        }
        if (!anySerial) {
            out.append("\n--- ").append(instanceDir.resolve("serial.log")).append(" ---\n(missing or empty)");
        }
        return out.toString();
    }

    /** Turns JSON log lines into {@code level msg [field=value ...]}; other lines stay as they are. */
    static String readableHostAgentLog(String tail) {
        StringBuilder out = new StringBuilder();
        for (String line : tail.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(readable(line));
        }
        return out.toString();
    }

    private static String readable(String line) {
        String trimmed = line.strip();
        if (!trimmed.startsWith("{")) {
            return line;
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            StringBuilder text = new StringBuilder();
            text.append(node.path("level").asString("?")).append(' ').append(node.path("msg").asString(""));
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (!key.equals("level") && !key.equals("msg") && !key.equals("time")) {
                    JsonNode value = field.getValue();
                    text.append(' ').append(key).append('=').append(value.isString() ? value.asString()
                            : value.toString());
                }
            }
            return text.toString();
        } catch (JacksonException e) {
            return line;
        }
    }
}
