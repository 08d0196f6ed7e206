package dev.limajunit.assertions.error;

import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestEvent;
import dev.limajunit.core.watch.Timeline;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A guest watcher did not receive what it should have, or received what it should not have. Every message ends
 * with the timeline, the path in question marked, so the reader sees what arrived, what did not and how late.
 */
public final class ShouldReceiveEvents extends LimaErrorMessage {

    private ShouldReceiveEvents(String message) {
        super(message);
    }

    /**
     * @param window what the time limit counts from, e.g. "of host touch a.txt at +812.0 ms"
     * @param late     events that matched but arrived after the deadline (empty when none came at all)
     * @param inWindow the events for the path that count (from the window's start on)
     */
    public static ShouldReceiveEvents shouldReceive(Object watcher, String expected, String path, Duration within,
            String window, List<GuestEvent> late, List<GuestEvent> inWindow, EventLog log) {
        String actual = late.isEmpty()
                ? "it did not arrive; events for \"" + path + "\" in the window: " + names(log, inWindow)
                : "it arrived late, at " + offset(log, late.get(0));
        return new ShouldReceiveEvents("Expecting the guest watcher\n" + indent(String.valueOf(watcher))
                + "\nto receive "
                + expected + " for\n  \"" + path + "\"\nwithin " + ms(within) + " " + window + ", but " + actual
                + "\n" + Timeline.render(log, path));
    }

    public static ShouldReceiveEvents shouldReceiveNothing(Object watcher, String path, Duration during, String window,
            List<GuestEvent> received, EventLog log) {
        return new ShouldReceiveEvents("Expecting the guest watcher\n" + indent(String.valueOf(watcher))
                + "\nto receive nothing for\n  \"" + path + "\"\nduring " + ms(during) + " " + window
                + ", but it received:\n"
                + String.join("\n", received.stream().map(e -> "  " + e.names() + " at " + offset(log, e)).toList())
                + "\n" + Timeline.render(log, path));
    }

    /**
     * The watcher was not running for the whole of a "receives nothing" window: a dead watcher receives nothing
     * whatever happens, so the check says nothing about the mount.
     *
     * @param when "at the start of the window" or "during the window (noticed at +1234.5 ms)"
     */
    public static ShouldReceiveEvents watcherDied(Object watcher, String path, Duration during, String window,
            String when, EventLog log) {
        return new ShouldReceiveEvents("Expecting the guest watcher\n" + indent(String.valueOf(watcher))
                + "\nto receive nothing for\n  \"" + path + "\"\nduring " + ms(during) + " " + window
                + ", but the watcher died " + when + ": it is no longer running, so it could not have received anything"
                + "\n" + Timeline.render(log, path));
    }

    private static String names(EventLog log, List<GuestEvent> events) {
        List<String> seen = events.stream().map(e -> e.names() + " at " + offset(log, e)).toList();
        return seen.isEmpty() ? "none" : String.join(", ", seen);
    }

    private static String offset(EventLog log, GuestEvent event) {
        return String.format(Locale.ROOT, "%+.1f ms", log.offsetOf(event.atNanos()).toNanos() / 1e6);
    }
}
