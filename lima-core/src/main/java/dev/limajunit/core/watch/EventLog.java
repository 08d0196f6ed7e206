package dev.limajunit.core.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The shared timeline of one experiment: host actions and guest events, each with its time on one monotonic
 * clock. Written by the watcher's I/O thread and by the test thread at once; readers get snapshots.
 */
public final class EventLog {

    private final LongSupplier clock;
    private final long originNanos;
    private final List<LogEntry> entries = new ArrayList<>();

    /** A log on {@link System#nanoTime()} whose offset 0 is now. */
    public EventLog() {
        this(System::nanoTime);
    }

    /** A log on another clock (e.g. a fixed one for rendering tests); offset 0 is the clock's current value. */
    public EventLog(LongSupplier clock) {
        this.clock = clock;
        this.originNanos = clock.getAsLong();
    }

    /** The log's clock, for callers that time their own entries. */
    public long now() {
        return clock.getAsLong();
    }

    public long originNanos() {
        return originNanos;
    }

    /** The offset of a time on this log's clock from its origin. */
    public Duration offsetOf(long atNanos) {
        return Duration.ofNanos(atNanos - originNanos);
    }

    public void record(LogEntry entry) {
        synchronized (entries) {
            entries.add(entry);
        }
    }

    /** Records a note at the current time, e.g. a mark set by a test. */
    public LogNote note(String text) {
        LogNote note = new LogNote(now(), text);
        record(note);
        return note;
    }

    /** Every entry so far, in time order. */
    public List<LogEntry> entries() {
        List<LogEntry> copy;
        synchronized (entries) {
            copy = new ArrayList<>(entries);
        }
        copy.sort(Comparator.comparingLong(LogEntry::atNanos));
        return copy;
    }

    /** The guest events so far, in arrival order. */
    public List<GuestEvent> events() {
        return entries().stream().filter(GuestEvent.class::isInstance).map(GuestEvent.class::cast).toList();
    }

    /** The guest events for exactly {@code path} (relative to the watched root), in arrival order. */
    public List<GuestEvent> eventsFor(String path) {
        return events().stream().filter(e -> e.path().equals(path)).toList();
    }

    public List<HostAction> hostActions() {
        return entries().stream().filter(HostAction.class::isInstance).map(HostAction.class::cast).toList();
    }

    /** The latest host action that changed {@code path} (see {@link HostAction#concerns}), if any. */
    public Optional<HostAction> lastHostActionOn(String path) {
        List<HostAction> actions = hostActions();
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i).concerns(path)) {
                return Optional.of(actions.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The host action the event most likely answers: the last one that began before it, changed its path and could
     * raise its kind of event (see {@link HostAction#couldRaise}).
     */
    public Optional<HostAction> causeOf(GuestEvent event) {
        HostAction cause = null;
        for (HostAction action : hostActions()) {
            if (action.atNanos() > event.atNanos()) {
                break;
            }
            if (action.concerns(event.path()) && action.couldRaise(event.events())) {
                cause = action;
            }
        }
        return Optional.ofNullable(cause);
    }

    /** From the start of the event's cause (see {@link #causeOf}) to the event's arrival. */
    public Optional<Duration> latencyOf(GuestEvent event) {
        return causeOf(event).map(cause -> Duration.ofNanos(event.atNanos() - cause.atNanos()));
    }
}
