package dev.limajunit.core.shell;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * An absolute path inside the guest. A separate type so it cannot be confused with a host {@link java.nio.file.Path}:
 * always '/'-separated, never resolved against the host file system.
 */
public record GuestPath(String value) {

    public GuestPath {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("/")) {
            throw new IllegalArgumentException("a guest path must be absolute, got \"" + value + "\"");
        }
        value = normalize(value);
    }

    public static GuestPath of(String value) {
        return new GuestPath(value);
    }

    /**
     * Resolves a relative path below this one.
     *
     * @throws IllegalArgumentException when {@code relative} is absolute or climbs above this path with {@code ..}
     */
    public GuestPath resolve(String relative) {
        if (relative.startsWith("/")) {
            throw new IllegalArgumentException("\"" + relative + "\" is absolute; expected a path relative to "
                    + value);
        }
        GuestPath resolved = new GuestPath(value + "/" + relative);
        if (!resolved.startsWith(this)) {
            throw new IllegalArgumentException("\"" + relative + "\" escapes " + value);
        }
        return resolved;
    }

    public boolean startsWith(GuestPath other) {
        return other.value.equals("/") || value.equals(other.value) || value.startsWith(other.value + "/");
    }

    /** The last name, or "/" for the root. */
    public String fileName() {
        int slash = value.lastIndexOf('/');
        return value.equals("/") ? "/" : value.substring(slash + 1);
    }

    public GuestPath parent() {
        int slash = value.lastIndexOf('/');
        return slash <= 0 ? new GuestPath("/") : new GuestPath(value.substring(0, slash));
    }

    private static String normalize(String raw) {
        ArrayDeque<String> parts = new ArrayDeque<>();
        for (String part : raw.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    @Override
    public String toString() {
        return value;
    }
}
