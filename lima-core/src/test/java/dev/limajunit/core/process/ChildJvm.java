package dev.limajunit.core.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on the test classpath running one of the test mains, which prints {@code SESSION <id>} and then
 * {@code READY} once its processes run. Tests kill it with SIGKILL to play a crashed test run.
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> output = new ArrayList<>();
    private String session;

    private ChildJvm(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} with these system properties ("-Dk=v") and arguments, and waits for READY. */
    public static ChildJvm start(Class<?> mainClass, List<String> jvmOptions, List<String> args, Duration timeout)
            throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Xmx256m");
        argv.addAll(jvmOptions);
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        argv.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        // The child is a run of its own: it must not inherit a marker that would make it look like our helper.
        builder.environment().remove(RunSession.ENV_VAR);
        builder.environment().remove(RunSession.OWNER_ENV_VAR);
        ChildJvm child = new ChildJvm(builder.start());
        child.awaitReady(timeout);
        return child;
    }

    private void awaitReady(Duration timeout) throws IOException {
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8));
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("SESSION ")) {
                        session = line.substring("SESSION ".length()).strip();
                    }
                    if (line.equals("READY")) {
                        // keep draining in the background so the child never blocks on a full pipe
                        Thread drain = new Thread(() -> drain(reader), "child-jvm-drain");
                        drain.setDaemon(true);
                        drain.start();
                        return;
                    }
                }
                throw new IllegalStateException("the child JVM ended before READY");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the child JVM did not get ready within " + timeout.toSeconds() + " s; its output:\n"
                    + outputText(), e);
        }
    }

    private void drain(BufferedReader reader) {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (output) {
                    output.add(line);
                }
            }
        } catch (IOException e) {
            // the child is gone
        }
    }

    public String session() {
        return session;
    }

    public long pid() {
        return process.pid();
    }

    public String outputText() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGKILL: no shutdown hook runs in the child. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
