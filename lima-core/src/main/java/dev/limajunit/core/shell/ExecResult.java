package dev.limajunit.core.shell;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a finished guest command left: its exit code and its two output streams, kept apart and unmangled.
 *
 * @param command  the command as sent to the guest, for messages
 * @param exitCode the remote exit status (127: command not found)
 * @param stdout   raw bytes
 * @param stderr   raw bytes
 * @param duration from sending the request to seeing the exit status
 */
public record ExecResult(String command, int exitCode, byte[] stdout, byte[] stderr, Duration duration) {

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Standard output decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard error decoded as UTF-8. */
    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The last {@code maxChars} characters of standard error, for messages. */
    public String stderrTail(int maxChars) {
        String text = stderrText();
        return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
    }

    @Override
    public String toString() {
        return "ExecResult[" + command + " -> exit " + exitCode + " in " + duration.toMillis() + " ms]";
    }
}
