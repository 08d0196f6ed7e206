package dev.limajunit.assertions;

import dev.limajunit.core.watch.HostAction;
import dev.limajunit.core.watch.HostActions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A change to make on the host side of a mount, for {@link MountedDirectoryAssert#showsInGuest} and
 * {@link MountedDirectoryAssert#doesNotShowInGuest}: the assert makes it (timed, through {@link HostActions}) and then
 * compares what the guest sees at {@link #paths()} with what the host sees there.
 */
public final class HostChange {

    private final String description;
    private final List<String> paths;
    private final Function<HostActions, HostAction> action;

    private HostChange(String description, List<String> paths, Function<HostActions, HostAction> action) {
        this.description = description;
        this.paths = List.copyOf(paths);
        this.action = action;
    }

    /** Creates a new file. */
    public static HostChange create(String path, String content) {
        return new HostChange("create " + path + " " + FileView.quote(bytes(content)), List.of(path),
                h -> h.create(path, content));
    }

    /** Creates a file and the directories above it that are missing. */
    public static HostChange createNested(String path, String content) {
        return new HostChange("create nested " + path + " " + FileView.quote(bytes(content)), List.of(path),
                h -> h.createNested(path, content));
    }

    /** Replaces a file's content. */
    public static HostChange write(String path, String content) {
        return new HostChange("write " + path + " " + FileView.quote(bytes(content)), List.of(path),
                h -> h.write(path, content));
    }

    /** Writes over an existing file in place: same inode, cut to the new length (see {@link HostActions#overwrite}). */
    public static HostChange overwrite(String path, String content) {
        return new HostChange("overwrite in place " + path + " " + FileView.quote(bytes(content)), List.of(path),
                h -> h.overwrite(path, content));
    }

    /** Replaces an existing file by renaming a new one over it (see {@link HostActions#replace}). */
    public static HostChange replace(String path, String content) {
        return new HostChange("replace by rename " + path + " " + FileView.quote(bytes(content)), List.of(path),
                h -> h.replace(path, content));
    }

    public static HostChange append(String path, String content) {
        return new HostChange("append " + FileView.quote(bytes(content)) + " to " + path, List.of(path),
                h -> h.append(path, content));
    }

    /** Sets permission bits given as octal digits, e.g. {@code "600"}. */
    public static HostChange chmod(String path, String octalMode) {
        return new HostChange("chmod " + octalMode + " " + path, List.of(path), h -> h.chmod(path, octalMode));
    }

    /** Sets the mtime to now (creates an empty file when missing). */
    public static HostChange touch(String path) {
        return new HostChange("touch " + path, List.of(path), h -> h.touch(path));
    }

    /** Sets the mtime to {@code time} (the file must exist). */
    public static HostChange touch(String path, Instant time) {
        return new HostChange("touch " + path + " (mtime " + time + ")", List.of(path), h -> h.touch(path, time));
    }

    public static HostChange rename(String from, String to) {
        return new HostChange("rename " + from + " to " + to, List.of(from, to), h -> h.rename(from, to));
    }

    /** Deletes a file, a symlink or an empty directory. */
    public static HostChange delete(String path) {
        return new HostChange("delete " + path, List.of(path), h -> h.delete(path));
    }

    public static HostChange mkdir(String path) {
        return new HostChange("mkdir " + path, List.of(path), h -> h.mkdir(path));
    }

    /** Creates a symlink at {@code path} pointing to {@code target} as written. */
    public static HostChange symlink(String path, String target) {
        return new HostChange("symlink " + path + " -> " + target, List.of(path), h -> h.symlink(path, target));
    }

    /** The paths (relative to the mount) whose views must agree once the guest shows the change. */
    public List<String> paths() {
        return paths;
    }

    HostAction applyTo(HostActions host) {
        return action.apply(host);
    }

    @Override
    public String toString() {
        return description;
    }

    private static byte[] bytes(String content) {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
