package dev.limajunit.core.engine.limactl;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log, for error messages: never the whole file, never more than a few KiB. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String lastLines(String text, int maxLines) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        List<String> lines = Arrays.asList(text.strip().split("\\R"));
        if (lines.size() <= maxLines) {
            return String.join("\n", lines);
        }
        return "... (" + (lines.size() - maxLines) + " earlier lines)\n"
                + String.join("\n", lines.subList(lines.size() - maxLines, lines.size()));
    }

    /** The last lines of a file; empty when the file does not exist or cannot be read. */
    static String lastLines(Path file, int maxLines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - MAX_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (from > 0) {
                int firstNewline = text.indexOf('\n');
                text = firstNewline < 0 ? text : text.substring(firstNewline + 1);
            }
            return lastLines(text, maxLines);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
