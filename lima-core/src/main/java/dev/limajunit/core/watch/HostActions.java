package dev.limajunit.core.watch;

import dev.limajunit.core.watch.HostAction.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Changes files on the host side of a mount and records each change, timed, in an {@link EventLog}, so guest
 * events and guest observations can be set against the moment the host acted.
 * Paths are relative to the mount's host directory and must stay inside it.
 */
public final class HostActions {

    private final Path root;
    private final EventLog log;

    public HostActions(Path root, EventLog log) {
        this.root = root.toAbsolutePath().normalize();
        this.log = Objects.requireNonNull(log, "log");
    }

    public Path root() {
        return root;
    }

    public EventLog log() {
        return log;
    }

    /** The host path of {@code relative}. @throws IllegalArgumentException when it is absolute or escapes the root */
    public Path resolve(String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(root)) {
            throw new IllegalArgumentException("\"" + relative + "\" escapes the host directory " + root);
        }
        return resolved;
    }

    /** Creates a new file (it must not exist) with {@code content}. */
    public HostAction create(String relative, String content) {
        return create(relative, utf8(content));
    }

    public HostAction create(String relative, byte[] content) {
        return timed(Kind.CREATE, relative, null, content.length + " bytes",
                () -> Files.write(resolve(relative), content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Creates the file, and every missing directory above it, with {@code content}. */
    public HostAction createNested(String relative, String content) {
        byte[] bytes = utf8(content);
        return timed(Kind.NESTED_CREATE, relative, null, bytes.length + " bytes", () -> {
            Path file = resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        });
    }

    /** Replaces the file's content (creating the file when it is missing). */
    public HostAction write(String relative, String content) {
        return write(relative, utf8(content));
    }

    public HostAction write(String relative, byte[] content) {
        return timed(Kind.WRITE, relative, null, content.length + " bytes", () -> Files.write(resolve(relative),
                content,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    /**
     * Writes {@code content} over the start of an existing file through the same inode (no truncate first, no new
     * file), then cuts it to that length: an editor saving in place.
     */
    public HostAction overwrite(String relative, String content) {
        byte[] bytes = utf8(content);
        return timed(Kind.WRITE, relative, null, bytes.length + " bytes in place", () -> {
            try (FileChannel channel = FileChannel.open(resolve(relative), StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(bytes), 0);
                channel.truncate(bytes.length);
            }
        });
    }

    /**
     * Replaces an existing file with a new inode: writes a sibling {@code NAME.lima-junit-new}, then renames it over
     * the file atomically, as package managers and most editors save.
     */
    public HostAction replace(String relative, String content) {
        byte[] bytes = utf8(content);
        return timed(Kind.WRITE, relative, null, bytes.length + " bytes by rename", () -> {
            Path file = resolve(relative);
            Path sibling = file.resolveSibling(file.getFileName() + ".lima-junit-new");
            Files.write(sibling, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(sibling, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
    }

    /** Appends to an existing file. */
    public HostAction append(String relative, String content) {
        byte[] bytes = utf8(content);
        return timed(Kind.APPEND, relative, null, bytes.length + " bytes",
                () -> Files.write(resolve(relative), bytes, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** Sets the permission bits, given as octal digits like {@code "640"}. */
    public HostAction chmod(String relative, String octalMode) {
        int mode = Integer.parseInt(octalMode, 8);
        return timed(Kind.CHMOD, relative, null, "mode " + octalMode,
                () -> Files.setPosixFilePermissions(resolve(relative),
                PosixFilePermissions.fromString(symbolic(mode))));
    }

    /** Sets the modification time to now, creating an empty file when it is missing (like {@code touch}). */
    public HostAction touch(String relative) {
        return timed(Kind.TOUCH, relative, null, "", () -> {
            Path file = resolve(relative);
            if (Files.notExists(file)) {
                Files.createFile(file);
            } else {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            }
        });
    }

    /**
     * Sets the modification time to {@code time} (the file must exist), e.g. far in the past to make a later change
     * stand out.
     */
    public HostAction touch(String relative, Instant time) {
        return timed(Kind.TOUCH, relative, null, "mtime " + time,
                () -> Files.setLastModifiedTime(resolve(relative), FileTime.from(time)));
    }

    /** Renames within the mount; the target must not exist. */
    public HostAction rename(String from, String to) {
        return timed(Kind.RENAME, from, to, "", () -> Files.move(resolve(from), resolve(to)));
    }

    /** Deletes a file, a symlink or an empty directory. */
    public HostAction delete(String relative) {
        return timed(Kind.DELETE, relative, null, "", () -> Files.delete(resolve(relative)));
    }

    /** Creates one directory; its parent must exist. */
    public HostAction mkdir(String relative) {
        return timed(Kind.MKDIR, relative, null, "", () -> Files.createDirectory(resolve(relative)));
    }

    /** Creates a symbolic link at {@code relative} whose target is {@code target}, written as given. */
    public HostAction symlink(String relative, String target) {
        return timed(Kind.SYMLINK, relative, target, "", () -> Files.createSymbolicLink(resolve(relative),
                Path.of(target)));
    }

    private HostAction timed(Kind kind, String relative, String target, String detail, IoAction action) {
        resolve(relative);
        if (target != null && kind == Kind.RENAME) {
            resolve(target);
        }
        long start = log.now();
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("host " + kind.name().toLowerCase(Locale.ROOT) + " of "
                    + resolve(relative) + " failed: " + e, e);
        }
        HostAction done = new HostAction(kind, relative, target, detail, start, log.now() - start);
        log.record(done);
        return done;
    }

    private static byte[] utf8(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private static String symbolic(int mode) {
        String letters = "rwxrwxrwx";
        StringBuilder out = new StringBuilder(9);
        for (int bit = 0; bit < 9; bit++) {
            out.append((mode & (1 << (8 - bit))) != 0 ? letters.charAt(bit) : '-');
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
