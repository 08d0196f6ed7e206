package dev.limajunit.core.watch;

import java.util.Set;

/**
 * One inotify event the guest watcher reported.
 *
 * @param atNanos when its line arrived on the host (guest clock is not used: it is not the host's, and
 *                inotifywait's {@code %T} has only second resolution); includes the SSH transport delay
 * @param events  the event names of the line, e.g. {@code [CLOSE_WRITE, CLOSE]}
 * @param path    the path relative to the watched root, "" for the root itself
 * @param line    the line as inotifywait printed it
 */
public record GuestEvent(long atNanos, Set<InotifyEvent> events, String path, String line) implements LogEntry {

    public GuestEvent {
        events = Set.copyOf(events);
    }

    public boolean is(InotifyEvent event) {
        return events.contains(event);
    }

    @Override
    public String describe() {
        return "guest  " + names() + " " + (path.isEmpty() ? "." : path);
    }

    /** The event names in inotifywait's order of importance, comma separated. */
    public String names() {
        return events.stream().sorted().map(Enum::name).reduce((a, b) -> a + "," + b).orElse("");
    }
}
