package dev.limajunit.assertions;

import static dev.limajunit.assertions.error.ShouldReceiveEvents.shouldReceive;
import static dev.limajunit.assertions.error.ShouldReceiveEvents.shouldReceiveNothing;
import static dev.limajunit.assertions.error.ShouldReceiveEvents.watcherDiedBefore;
import static dev.limajunit.assertions.error.ShouldReceiveEvents.watcherDiedDuring;
import static dev.limajunit.assertions.error.ShouldReceiveEvents.windowFromCheck;
import static dev.limajunit.assertions.error.ShouldReceiveEvents.windowOfHostAction;
import static dev.limajunit.assertions.error.ShouldReceiveEvents.windowSince;

import dev.limajunit.core.report.Measurements;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestEvent;
import dev.limajunit.core.watch.HostAction;
import dev.limajunit.core.watch.InotifyEvent;
import dev.limajunit.core.watch.LogEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a guest watcher received. Time limits count from {@link #since} when given, else from the latest
 * host action on the path in the same log (see {@link MountedDirectoryAssert#usingLog} and {@link
 * dev.limajunit.core.watch.HostActions}); without
 * one, from the moment the assertion is called, and earlier events of the log count too. A failure prints the
 * timeline.
 */
public class EventLogAssert extends AbstractAssert<EventLogAssert, EventLog> {

    private final String subject;
    /** Whether the watcher behind the log still runs; {@code null} for a bare log, whose watcher is unknown. */
    private final BooleanSupplier watcherRunning;
    private GuestEvent lastEvent;
    private LogEntry since;

    protected EventLogAssert(EventLog actual, String subject) {
        this(actual, subject, null);
    }

    /** @param watcherRunning whether the watcher that fills the log still runs ({@code null}: unknown) */
    protected EventLogAssert(EventLog actual, String subject, BooleanSupplier watcherRunning) {
        super(actual, EventLogAssert.class);
        this.subject = subject;
        this.watcherRunning = watcherRunning;
    }

    /**
     * Counts events and time limits from {@code anchor} instead of the latest host action, e.g. from
     * {@code log.note("guest touches b.txt")} set just before a guest-side action.
     */
    public EventLogAssert since(LogEntry anchor) {
        this.since = Objects.requireNonNull(anchor, "anchor");
        return myself;
    }

    /** Within {@code within}, an event whose names include {@code event} arrives for exactly {@code path}. */
    public EventLogAssert receives(InotifyEvent event, String path, Duration within) {
        return receivesInOrder(path, within, event);
    }

    /**
     * Within {@code within}, events for {@code path} arrive that include {@code events} in this order (others may
     * come between), e.g. CREATE then CLOSE_WRITE.
     */
    public EventLogAssert receivesInOrder(String path, Duration within, InotifyEvent... events) {
        isNotNull();
        if (events.length == 0) {
            throw new IllegalArgumentException("events must name at least one inotify event");
        }
        Window window = window(path);
        long deadline = window.limitFromNanos + within.toNanos();
        Duration remaining = Duration.ofNanos(Math.max(0, deadline - actual.now()));
        Waits.within("guest watcher receives " + Arrays.toString(events) + " for " + path, remaining,
                () -> match(path, window.fromNanos, Long.MAX_VALUE, events).isPresent());
        Optional<List<GuestEvent>> matched = match(path, window.fromNanos, Long.MAX_VALUE, events);
        if (matched.isEmpty() || last(matched.get()).atNanos() > deadline) {
            throwAssertionError(shouldReceive(subject, List.of(events), path, within, window.description,
                    matched.map(m -> List.of(last(m))).orElse(List.of()),
                    eventsFor(path, window.fromNanos, Long.MAX_VALUE), actual));
        }
        lastEvent = last(matched.get());
        actual.latencyOf(lastEvent).ifPresent(l -> Measurements.record("guest inotify event after host action", l));
        return myself;
    }

    /**
     * During {@code during}, no event at all arrives for exactly {@code path}. For a
     * {@link dev.limajunit.core.watch.GuestFileWatcher}, the watcher must also run at the start and at the end of the
     * window (a dead one receives nothing); a bare {@link EventLog} cannot tell.
     */
    public EventLogAssert receivesNothingFor(String path, Duration during) {
        isNotNull();
        Window window = window(path);
        if (!watcherRuns()) {
            throwAssertionError(watcherDiedBefore(subject, path, during, window.description, actual));
        }
        long end = window.limitFromNanos + during.toNanos();
        Duration remaining = Duration.ofNanos(Math.max(0, end - actual.now()));
        // A watcher that dies breaks the condition: the window cannot pass on its silence.
        Waits.holdsDuring("guest watcher receives nothing for " + path, remaining,
                () -> watcherRuns() && eventsFor(path, window.fromNanos, end).isEmpty());
        List<GuestEvent> received = eventsFor(path, window.fromNanos, end);
        if (!received.isEmpty()) {
            throwAssertionError(shouldReceiveNothing(subject, path, during, window.description, received, actual));
        }
        if (!watcherRuns()) {
            throwAssertionError(watcherDiedDuring(subject, path, during, window.description, actual.now(), actual));
        }
        return myself;
    }

    private boolean watcherRuns() {
        return watcherRunning == null || watcherRunning.getAsBoolean();
    }

    /** The event that satisfied the last {@code receives...} check (its last one, for an ordered check). */
    public GuestEvent lastEvent() {
        if (lastEvent == null) {
            throw new IllegalStateException("no receives... check has succeeded on this assert yet");
        }
        return lastEvent;
    }

    /** From the host action on its path to the arrival of {@link #lastEvent()}. */
    public Duration latency() {
        GuestEvent event = lastEvent();
        return actual.latencyOf(event).orElseThrow(() -> new IllegalStateException(
                "no host action on \"" + event.path() + "\" preceded the event in this log: there is no latency to "
                + "give"));
    }

    private Window window(String path) {
        if (since != null) {
            return new Window(since.atNanos(), since.atNanos(), windowSince(actual, since));
        }
        Optional<HostAction> action = actual.lastHostActionOn(path);
        if (action.isPresent()) {
            HostAction a = action.get();
            return new Window(a.atNanos(), a.atNanos(), windowOfHostAction(actual, a.kind().name(), path,
                    a.atNanos()));
        }
        long now = actual.now();
        return new Window(actual.originNanos(), now, windowFromCheck(actual, now));
    }

    private List<GuestEvent> eventsFor(String path, long fromNanos, long toNanos) {
        return actual.eventsFor(path).stream().filter(e -> e.atNanos() >= fromNanos && e.atNanos() <= toNanos).toList();
    }

    /** The earliest events for path that contain {@code events} in order, or empty. */
    private Optional<List<GuestEvent>> match(String path, long fromNanos, long toNanos, InotifyEvent... events) {
        List<GuestEvent> found = new ArrayList<>();
        int next = 0;
        for (GuestEvent candidate : eventsFor(path, fromNanos, toNanos)) {
            while (next < events.length && candidate.is(events[next])) {
                found.add(candidate);
                next++;
            }
            if (next == events.length) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static GuestEvent last(List<GuestEvent> events) {
        return events.get(events.size() - 1);
    }

    /**
     * Which events count ({@code fromNanos} on) and where the time limit counts from ({@code limitFromNanos}): both
     * at the host action, or, without one, every event of the log and a limit from the check.
     */
    private record Window(long fromNanos, long limitFromNanos, String description) {}
}
