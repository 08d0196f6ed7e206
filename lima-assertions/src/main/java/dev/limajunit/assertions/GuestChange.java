package dev.limajunit.assertions;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A change to make in the guest, inside a mount, for {@link MountedDirectoryAssert#showsOnHost}: the assert runs it
 * with the guest shell (paths passed as arguments, so spaces and any character survive) and then compares what
 * the host sees at {@link #paths()} with what the guest sees there.
 */
public final class GuestChange {

    private final String description;
    private final List<String> paths;
    private final String script;
    private final byte[] stdin;

    private GuestChange(String description, List<String> paths, String script, byte[] stdin) {
        this.description = description;
        this.paths = List.copyOf(paths);
        this.script = script;
        this.stdin = stdin;
    }

    /** Creates or replaces a file (and creates missing directories above it). */
    public static GuestChange write(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new GuestChange("write " + path + " " + FileView.quote(bytes), List.of(path),
                "mkdir -p \"$(dirname \"$1\")\" && cat > \"$1\"", bytes);
    }

    public static GuestChange append(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new GuestChange("append " + FileView.quote(bytes) + " to " + path, List.of(path), "cat >> \"$1\"",
                bytes);
    }

    public static GuestChange mkdir(String path) {
        return new GuestChange("mkdir " + path, List.of(path), "mkdir \"$1\"", null);
    }

    public static GuestChange rename(String from, String to) {
        return new GuestChange("rename " + from + " to " + to, List.of(from, to), "mv \"$1\" \"$2\"", null);
    }

    /** Deletes a file or an empty directory. */
    public static GuestChange delete(String path) {
        return new GuestChange("delete " + path, List.of(path),
                "if [ -d \"$1\" ] && [ ! -L \"$1\" ]; then rmdir \"$1\"; else rm \"$1\"; fi", null);
    }

    /** Sets permission bits given as octal digits, e.g. {@code "600"}. */
    public static GuestChange chmod(String path, String octalMode) {
        if (!octalMode.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("octalMode must be 3 or 4 octal digits, got \"" + octalMode + "\"");
        }
        return new GuestChange("chmod " + octalMode + " " + path, List.of(path), "chmod " + octalMode + " \"$1\"",
                null);
    }

    public static GuestChange touch(String path) {
        return new GuestChange("touch " + path, List.of(path), "touch \"$1\"", null);
    }

    public List<String> paths() {
        return paths;
    }

    /** The guest command that makes the change inside {@code mount}. */
    Command command(MountedDirectory mount) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script,
                description.split(" ")[0].toLowerCase(Locale.ROOT)));
        paths.forEach(path -> argv.add(mount.guest(path).value()));
        Command command = Command.of(argv.toArray(String[]::new));
        return stdin == null ? command : command.stdin(stdin);
    }

    @Override
    public String toString() {
        return description;
    }
}
