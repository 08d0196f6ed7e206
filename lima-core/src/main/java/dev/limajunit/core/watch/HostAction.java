package dev.limajunit.core.watch;

import java.util.Locale;

/**
 * A change made on the host, timed.
 *
 * @param kind       what was done
 * @param path       the path it changed, relative to the mount root
 * @param target     the second path of a rename or the target of a symlink, else null
 * @param detail     extra words for the timeline (bytes written, new mode), may be empty
 * @param atNanos    when the host call began, on the log's clock; latencies are measured from here (a guest
 *                   event may arrive before a slow host call returns)
 * @param tookNanos  how long the host call took
 */
public record HostAction(Kind kind, String path, String target, String detail, long atNanos, long tookNanos)
        implements LogEntry {

    /** The host-side operations {@link HostActions} performs. */
    public enum Kind { CREATE, WRITE, APPEND, CHMOD, TOUCH, RENAME, DELETE, MKDIR, NESTED_CREATE, SYMLINK }

    /** Whether this action changed {@code relative}: its path, or the new name of a rename. */
    public boolean concerns(String relative) {
        return path.equals(relative) || (kind == Kind.RENAME && relative.equals(target));
    }

    @Override
    public String describe() {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String what = target == null ? path : path + (kind == Kind.RENAME ? " -> " : " => ") + target;
        return "host   " + name + " " + what + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
