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
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            CompletableFuture<Void> in = CompletableFuture.runAsync(() -> writeAll(process.getOutputStream(), stdin));
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
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
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
