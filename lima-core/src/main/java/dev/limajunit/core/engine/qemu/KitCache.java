package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The user's cache of built guest parts ({@code $XDG_CACHE_HOME/lima-junit}, else {@code ~/.cache/lima-junit};
 * {@code -Dlima.cacheDir} or {@code LIMA_JUNIT_CACHE} overrides). Entries are directories named by a hash of their
 * inputs, built in a temporary directory and renamed into place, so JVMs that build the same entry at the same time
 * never see a half-written one: the first rename wins, the others drop their copy.
 */
final class KitCache {

    private final Path root;

    KitCache(Path root) {
        this.root = root;
    }

    static KitCache userDefault() {
        String override = System.getProperty("lima.cacheDir", System.getenv("LIMA_JUNIT_CACHE"));
        if (override != null && !override.isBlank()) {
            return new KitCache(Path.of(override));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new KitCache(base.resolve("lima-junit"));
    }

    Path root() {
        return root;
    }

    /** A filler writes an entry's files into the directory it is given. */
    @FunctionalInterface
    interface Filler {
        void fill(Path directory) throws IOException;
    }

    /** The entry {@code kind/key}, built by {@code filler} when it is not there yet. */
    Path entry(String kind, String key, Filler filler) {
        Path target = root.resolve(kind).resolve(key);
        if (Files.isDirectory(target)) {
            return target;
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempDirectory(target.getParent(), ".building-" + key + "-");
            filler.fill(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                temp = null;
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another JVM finished first
            } catch (FileSystemException e) {
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(problem(kind, key, e), e);
        } catch (RuntimeException e) {
            // a tool run inside the filler (ssh-keygen, apt-get) reports a full disk as its own failure
            if (isDiskFull(e)) {
                throw new UncheckedIOException(problem(kind, key, e), new IOException(e));
            }
            throw e;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    private String problem(String kind, String key, Exception e) {
        if (!isDiskFull(e)) {
            return "cannot build the cache entry " + root.resolve(kind).resolve(key) + ": " + e;
        }
        return "the cache directory " + root + " is full (No space left on device, " + usableSpace() + " free) "
                + "while building its entry " + kind + "/" + key + ": free space there, or point -Dlima.cacheDir or "
                + "LIMA_JUNIT_CACHE at a file system with room (a guest kernel and kit take about 90 MB); "
                + "the partial entry was removed";
    }

    private static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("No space left on device") || message.contains("Disk quota "
                    + "exceeded"))) {
                return true;
            }
        }
        return false;
    }

    private String usableSpace() {
        try {
            long bytes = Files.getFileStore(Files.exists(root) ? root : root.getParent()).getUsableSpace();
            return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
        } catch (IOException | RuntimeException e) {
            return "unknown space";
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp directory is harmless
        }
    }
}
