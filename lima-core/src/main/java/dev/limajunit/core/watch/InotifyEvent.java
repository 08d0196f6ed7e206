package dev.limajunit.core.watch;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The event names inotifywait prints (its {@code %e}), one constant each. */
public enum InotifyEvent {
    ACCESS, MODIFY, ATTRIB, CLOSE_WRITE, CLOSE_NOWRITE, CLOSE, OPEN, MOVED_TO, MOVED_FROM, MOVE, MOVE_SELF,
    CREATE, DELETE, DELETE_SELF, UNMOUNT, Q_OVERFLOW, IGNORED, ISDIR;

    /**
     * Parses inotifywait's comma-separated names, e.g. {@code CLOSE_WRITE,CLOSE}.
     *
     * @throws IllegalArgumentException naming the unknown name and the line it came from
     */
    public static Set<InotifyEvent> parseAll(String names) {
        Set<InotifyEvent> result = EnumSet.noneOf(InotifyEvent.class);
        for (String name : names.split(",")) {
            try {
                result.add(valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown inotify event name \"" + name + "\" in \"" + names + "\"",
                        e);
            }
        }
        return result;
    }
}
