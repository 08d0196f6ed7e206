package dev.limajunit.core.engine.limactl;

import java.time.Duration;
import java.util.List;

/**
 * What one {@code limactl} invocation left.
 *
 * @param args     the arguments after {@code limactl}
 * @param exitCode the exit status; -1 when it was killed for running past its timeout
 * @param stdout   standard output
 * @param stderr   standard error (Lima logs there: {@code time="..." level=info msg="..."})
 * @param timedOut whether it was killed for running past its timeout
 * @param took     how long it ran
 */
public record LimactlResult(List<String> args, int exitCode, String stdout, String stderr, boolean timedOut,
        Duration took) {

    public LimactlResult {
        args = List.copyOf(args);
    }

    public boolean succeeded() {
        return exitCode == 0 && !timedOut;
    }

    /** The command line, for messages. */
    public String commandLine() {
        return "limactl " + String.join(" ", args);
    }

    /** The last {@code maxLines} lines of stderr, for messages. */
    public String stderrTail(int maxLines) {
        return LogTail.lastLines(stderr, maxLines);
    }
}
