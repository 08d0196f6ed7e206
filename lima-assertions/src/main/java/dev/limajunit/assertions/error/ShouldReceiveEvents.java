package dev.limajunit.assertions.error;

import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestEvent;
import dev.limajunit.core.watch.InotifyEvent;
import dev.limajunit.core.watch.LogEntry;
import dev.limajunit.core.watch.LogNote;
import dev.limajunit.core.watch.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/**
 * A guest watcher did not receive what it should have, or received what it should not have. Every message ends
 * with the timeline, the path in question marked, so the reader sees what arrived, what did not and how late.
 * {@code watcher} is the watcher's own description (e.g. {@code inotifywait on /mnt/ro}), shown as it is.
 */
public final class ShouldReceiveEvents extends LimaErrorMessage {

    private ShouldReceiveEvents(Function<Representation, String> message) {
        super(message);
    }

    /** What a window's time limit counts from: a mark set in the log ({@code since}). */
    public static String windowSince(EventLog log, LogEntry mark) {
        String what = mark instanceof LogNote note ? "\"" + note.text() + "\""
                : mark.describe().replaceAll("\\s+", " ");
        return "of " + what + " at " + offset(log, mark.atNanos());
    }

    /** What a window's time limit counts from: the latest host action on the path. */
    public static String windowOfHostAction(EventLog log, String kind, String path, long atNanos) {
        return "of host " + kind.toLowerCase(Locale.ROOT).replace('_', ' ') + " " + path + " at "
                + offset(log, atNanos);
    }

    /** What a window's time limit counts from: the check itself, there being no host action on the path. */
    public static String windowFromCheck(EventLog log, long nowNanos) {
        return "(no host action on it in this log: counted from the check at " + offset(log, nowNanos) + ")";
    }

    /**
     * @param expected the events, in this order
     * @param window   what the time limit counts from, e.g. "of host touch a.txt at +812.0 ms"
     * @param late     events that matched but arrived after the deadline (empty when none came at all)
     * @param inWindow the events for the path that count (from the window's start on)
     */
    public static ShouldReceiveEvents shouldReceive(String watcher, List<InotifyEvent> expected, String path,
            Duration within, String window, List<GuestEvent> late, List<GuestEvent> inWindow, EventLog log) {
        String events = String.join(" then ", expected.stream().map(Enum::name).toList());
        String actual = late.isEmpty()
                ? "it did not arrive; events for \"" + path + "\" in the window: " + names(log, inWindow)
                : "it arrived late, at " + offset(log, late.get(0).atNanos());
        String timeline = Timeline.render(log, path);
        return new ShouldReceiveEvents(representation -> "Expecting the guest watcher\n" + indent(watcher)
                + "\nto receive " + events + " for\n  \"" + path + "\"\nwithin " + ms(within) + " " + window
                + ", but " + actual + "\n" + timeline);
    }

    public static ShouldReceiveEvents shouldReceiveNothing(String watcher, String path, Duration during,
            String window, List<GuestEvent> received, EventLog log) {
        String timeline = Timeline.render(log, path);
        return new ShouldReceiveEvents(representation -> "Expecting the guest watcher\n" + indent(watcher)
                + "\nto receive nothing for\n  \"" + path + "\"\nduring " + ms(during) + " " + window
                + ", but it received:\n"
                + String.join("\n", received.stream().map(e -> "  " + e.names() + " at " + offset(log, e.atNanos()))
                        .toList())
                + "\n" + timeline);
    }

    /**
     * The watcher was not running when a "receives nothing" window began: a dead watcher receives nothing whatever
     * happens, so the check says nothing about the mount.
     */
    public static ShouldReceiveEvents watcherDiedBefore(String watcher, String path, Duration during, String window,
            EventLog log) {
        return watcherDied(watcher, path, during, window, "before the window began", log);
    }

    /** The watcher stopped running during a "receives nothing" window; it was found dead at {@code foundNanos}. */
    public static ShouldReceiveEvents watcherDiedDuring(String watcher, String path, Duration during, String window,
            long foundNanos, EventLog log) {
        return watcherDied(watcher, path, during, window,
                "during the window (found dead at " + offset(log, foundNanos) + ")", log);
    }

    private static ShouldReceiveEvents watcherDied(String watcher, String path, Duration during, String window,
            String when, EventLog log) {
        String timeline = Timeline.render(log, path);
        return new ShouldReceiveEvents(representation -> "Expecting the guest watcher\n" + indent(watcher)
                + "\nto receive nothing for\n  \"" + path + "\"\nduring " + ms(during) + " " + window
                + ", but the watcher died " + when + ": it is no longer running, so it could not have received anything"
                + "\n" + timeline);
    }

    private static String names(EventLog log, List<GuestEvent> events) {
        List<String> seen = events.stream().map(e -> e.names() + " at " + offset(log, e.atNanos())).toList();
        return seen.isEmpty() ? "none" : String.join(", ", seen);
    }

    private static String offset(EventLog log, long atNanos) {
        return String.format(Locale.ROOT, "%+.1f ms", log.offsetOf(atNanos).toNanos() / 1e6);
    }
}
