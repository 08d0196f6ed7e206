package dev.limajunit.core.engine.limactl;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code limactl} executable: one invocation, its output captured, bounded by a timeout after which the
 * process and its children are killed. It never reads a terminal: {@code --tty=false} is passed by the callers
 * that could open one.
 */
final class Limactl {

    private final Path executable;
    private final Map<String, String> environment;
    private final List<String> launcher;

    /**
     * @param executable  the {@code limactl} to run
     * @param environment its whole environment (PATH, HOME, LIMA_HOME, ...)
     * @param launcher    the command that runs it as another account ({@code runuser -u NAME --}); empty: as this one
     */
    Limactl(Path executable, Map<String, String> environment, List<String> launcher) {
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.launcher = List.copyOf(launcher);
    }

    Limactl(Path executable, Map<String, String> environment) {
        this(executable, environment, List.of());
    }

    Path executable() {
        return executable;
    }

    LimactlResult run(Duration timeout, String... args) {
        return run(timeout, List.of(args));
    }

    LimactlResult run(Duration timeout, List<String> args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(executable.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        long began = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + executable + ": " + e.getMessage(), e);
        }
        Capture out = Capture.of(process.getInputStream());
        Capture err = Capture.of(process.getErrorStream());
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            // Only limactl itself: the host agent it forked runs in its own session and is left to
            // `limactl stop -f`, which also ends the VM and removes the agent's pid and socket files. Behind a
            // launcher (runuser), limactl is the launcher's child.
            if (!launcher.isEmpty()) {
                process.children().forEach(ProcessHandle::destroyForcibly);
            }
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        return new LimactlResult(args, finished ? process.exitValue() : -1, out.text(), err.text(), !finished, took);
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** Drains a stream on its own thread so a chatty limactl never blocks on a full pipe. */
    private static final class Capture {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final Thread thread;

        private Capture(InputStream in) {
            thread = new Thread(() -> {
                try (in) {
                    in.transferTo(bytes);
                } catch (IOException e) {
                    // the process was killed: keep what arrived
                }
            }, "limactl-output");
            thread.setDaemon(true);
        }

        static Capture of(InputStream in) {
            Capture capture = new Capture(in);
            capture.thread.start();
            return capture;
        }

        String text() {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
