package dev.limajunit.core.watch;

import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link EventLog} as text, one entry a line with its millisecond offset from the log's start: host
 * actions, guest events (with the latency from the host action on the same path), notes; host actions that
 * no guest event followed are flagged, so a reader sees at once what arrived, what did not and how late.
 */
public final class Timeline {

    private Timeline() {
    }

    public static String render(EventLog log) {
        return render(log, null);
    }

    /**
     * @param focus a path whose lines are marked with {@code >} (the one an assertion was about), or null
     */
    public static String render(EventLog log, String focus) {
        List<LogEntry> entries = log.entries();
        StringBuilder out = new StringBuilder("timeline (ms since the log began; guest events show the delay after the"
                + " latest host action on their path):\n");
        if (entries.isEmpty()) {
            return out.append("  (empty)\n").toString();
        }
        for (LogEntry entry : entries) {
            boolean focused = focus != null && concerns(entry, focus);
            out.append(focused ? "> " : "  ")
                    .append(String.format(Locale.ROOT, "%+8.1f ms  ", log.offsetOf(entry.atNanos()).toNanos() / 1e6))
                    .append(entry.describe())
                    .append(suffix(log, entry, entries))
                    .append('\n');
        }
        return out.toString();
    }

    private static boolean concerns(LogEntry entry, String focus) {
        return entry instanceof HostAction action ? action.concerns(focus) : focus.equals(entry.path());
    }

    private static String suffix(EventLog log, LogEntry entry, List<LogEntry> entries) {
        if (entry instanceof GuestEvent event) {
            return log.latencyOf(event)
                    .map(latency -> String.format(Locale.ROOT, "   [%.1f ms after host %s]", latency.toNanos() / 1e6,
                            log.causeOf(event).orElseThrow().kind().name().toLowerCase(Locale.ROOT)))
                    .orElse("");
        }
        if (entry instanceof HostAction action) {
            boolean answered = entries.stream().anyMatch(other -> other instanceof GuestEvent event
                    && event.atNanos() >= action.atNanos() && action.concerns(event.path()));
            return answered ? "" : "   [no guest event followed]";
        }
        return "";
    }
}
