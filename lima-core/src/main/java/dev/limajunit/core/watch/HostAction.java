package dev.limajunit.core.watch;

import java.util.Locale;
import java.util.Set;

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

    /**
     * Whether an event with these names can answer this action, so a quick series of actions on one path gets each
     * event matched to the right one: ATTRIB answers anything (mountInotify turns every host change into a guest
     * chtimes), a rename raises moves, a delete deletes, writes raise open/modify/close.
     */
    public boolean couldRaise(Set<InotifyEvent> events) {
        for (InotifyEvent event : events) {
            boolean plausible = switch (event) {
                case ATTRIB -> true;
                case CREATE -> kind == Kind.CREATE || kind == Kind.NESTED_CREATE || kind == Kind.MKDIR
                        || kind == Kind.SYMLINK || kind == Kind.WRITE || kind == Kind.TOUCH;
                case MOVED_FROM, MOVED_TO, MOVE, MOVE_SELF -> kind == Kind.RENAME;
                case DELETE, DELETE_SELF -> kind == Kind.DELETE;
                case MODIFY, CLOSE_WRITE, OPEN, CLOSE, CLOSE_NOWRITE, ACCESS -> kind == Kind.CREATE
                        || kind == Kind.NESTED_CREATE || kind == Kind.WRITE || kind == Kind.APPEND
                        || kind == Kind.TOUCH;
                case UNMOUNT, Q_OVERFLOW, IGNORED, ISDIR -> false;
            };
            if (plausible) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        String name = kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String what = target == null ? path : path + (kind == Kind.RENAME ? " -> " : " => ") + target;
        return "host   " + name + " " + what + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
