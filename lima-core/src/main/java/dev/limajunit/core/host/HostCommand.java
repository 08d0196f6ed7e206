package dev.limajunit.core.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs a short host command (a {@code --version} query) with a time limit, and returns what it printed. */
final class HostCommand {

    private HostCommand() {
    }

    /** Exit status and output (stdout and stderr together); {@code exitCode} is -1 when it timed out. */
    record Result(int exitCode, String output) {
        String firstLine() {
            String trimmed = output.strip();
            int newline = trimmed.indexOf('\n');
            return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        }
    }

    /** @return empty when the command cannot be started at all */
    static Optional<Result> run(Duration timeout, Path binary, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(binary.toString());
        argv.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            process.getOutputStream().close();
            // Read on this thread: version output is tiny, and waitFor bounds the wait.
            InputStream out = process.getInputStream();
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                return Optional.of(new Result(-1, new String(out.readNBytes(out.available()), StandardCharsets.UTF_8)));
            }
            return Optional.of(new Result(process.exitValue(), new String(out.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
