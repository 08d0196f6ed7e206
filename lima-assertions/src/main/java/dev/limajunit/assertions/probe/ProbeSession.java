package dev.limajunit.assertions.probe;

import dev.limajunit.core.shell.RunningCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code fsprobe} that holds something (a lock, a mapping, an open descriptor) on one side of a mount until
 * closed. Each {@link #ask()} makes it report what it sees now, one line.
 */
public final class ProbeSession implements AutoCloseable {

    private static final String EOF = "<probe exited>";

    private final OutputStream stdin;
    private final Runnable end;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final String first;

    private ProbeSession(InputStream stdout, OutputStream stdin, Runnable end) {
        this.stdin = stdin;
        this.end = end;
        Thread reader = new Thread(() -> read(stdout), "fsprobe-reader");
        reader.setDaemon(true);
        reader.start();
        this.first = next();
    }

    static ProbeSession guest(RunningCommand command) {
        return new ProbeSession(command.stdout(), command.stdin(), command::close);
    }

    static ProbeSession host(Process process) {
        return new ProbeSession(process.getInputStream(), process.getOutputStream(), process::destroy);
    }

    /** What the probe said when it started: {@code ok held}, {@code ok mapped}, or {@code err ...}. */
    public String started() {
        return first;
    }

    /** Asks the probe to report again and returns its line. */
    public String ask() {
        try {
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("fsprobe no longer listens (its first line was: " + first + ")", e);
        }
        return next();
    }

    private String next() {
        try {
            String line = lines.poll(60, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("fsprobe said nothing for 60 s");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read(InputStream stdout) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the probe's end closed the stream: reported as its end below
        }
        lines.add(EOF);
    }

    @Override
    public void close() {
        try {
            stdin.write("release\n".getBytes(StandardCharsets.UTF_8));
            stdin.close();
        } catch (IOException e) {
            // already gone: ending it below is all that is left
        }
        end.run();
    }
}
