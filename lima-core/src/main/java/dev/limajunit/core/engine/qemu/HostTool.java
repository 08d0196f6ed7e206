package dev.limajunit.core.engine.qemu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** Runs a short-lived host tool (ldd, ssh-keygen, apt-get, dpkg-deb, xz) to completion while the kit is built. */
final class HostTool {

    private HostTool() {
    }

    /** Runs {@code argv} in {@code directory} (may be null) and returns stdout; a non-zero exit throws with stderr. */
    static String run(Path directory, List<String> argv) {
        return new String(run(directory, argv, null), StandardCharsets.UTF_8);
    }

    static byte[] run(Path directory, List<String> argv, byte[] stdin) {
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> err = onOwnThread(argv, "stderr", () -> readAll(process.getErrorStream()));
            CompletableFuture<Void> in = onOwnThread(argv, "stdin", () -> {
                writeAll(process.getOutputStream(), stdin);
                return null;
            });
            byte[] out = readAll(process.getInputStream());
            int exit = process.waitFor();
            in.join();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed with exit code " + exit + ": "
                        + new String(err.join(), StandardCharsets.UTF_8).strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }

    /** Streams a tool's stdout to {@code consumer}; a non-zero exit throws with stderr. */
    static void stream(List<String> argv, StreamConsumer consumer) {
        try {
            Process process = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = onOwnThread(argv, "stderr", () -> readAll(process.getErrorStream()));
            try (InputStream out = process.getInputStream()) {
                consumer.accept(out);
                out.transferTo(OutputStream.nullOutputStream());
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed with exit code " + exit + ": "
                        + new String(err.join(), StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + argv.get(0), e);
        }
    }

    @FunctionalInterface
    interface StreamConsumer {
        void accept(InputStream stdout) throws IOException;
    }

    /**
     * Runs blocking pipe I/O on a thread of its own. Not the common pool: with one or two CPUs it may have a single
     * thread, and a stderr reader that waits for the tool's exit would then starve the stdin writer the tool waits
     * for (seen on Java 25 with {@code xz -c}: both hung).
     */
    private static <T> CompletableFuture<T> onOwnThread(List<String> argv, String stream, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "lima-junit " + argv.get(0) + " " + stream);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeAll(OutputStream out, byte[] bytes) {
        try (out) {
            if (bytes != null) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the tool stopped reading; its exit code tells why
        }
    }
}
