package dev.limajunit.core.watch;

/**
 * A remark in the timeline that is neither a host action nor an event: the watcher became ready, printed an
 * error, stopped; or a test marked a moment.
 */
public record LogNote(long atNanos, String text) implements LogEntry {

    @Override
    public String path() {
        return null;
    }

    @Override
    public String describe() {
        return "note   " + text;
    }
}
