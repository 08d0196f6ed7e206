package dev.limajunit.core.watch;

import java.util.Optional;
import java.util.Set;

/**
 * Reads the lines of {@code inotifywait --format '%e %w%f'}: the event names (which never contain a space), one
 * space, then the full path (which may contain spaces and any non-ASCII character, but not a newline).
 */
final class InotifyLine {

    /** The {@code --format} argument whose lines {@link #parse} reads. */
    public static final String FORMAT = "%e %w%f";

    private final String root;

    /** @param root the watched directory exactly as passed to inotifywait (trailing slash optional) */
    public InotifyLine(String root) {
        this.root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
    }

    /**
     * Turns a line into an event at {@code atNanos}, or empty when the line is not an event line.
     *
     * @throws IllegalArgumentException when it looks like an event line but names an unknown event
     */
    public Optional<GuestEvent> parse(String line, long atNanos) {
        int space = line.indexOf(' ');
        if (space <= 0 || !line.substring(0, space).matches("[A-Z_]+(,[A-Z_]+)*")) {
            return Optional.empty();
        }
        Set<InotifyEvent> events = InotifyEvent.parseAll(line.substring(0, space));
        return Optional.of(new GuestEvent(atNanos, events, relative(line.substring(space + 1)), line));
    }

    /** The path relative to the root; "" for the root; the full path when it lies outside the root. */
    String relative(String full) {
        String path = full.endsWith("/") && full.length() > 1 ? full.substring(0, full.length() - 1) : full;
        if (path.equals(root)) {
            return "";
        }
        String prefix = root.equals("/") ? "/" : root + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }
}
