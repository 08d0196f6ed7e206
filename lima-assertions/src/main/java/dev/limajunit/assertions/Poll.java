package dev.limajunit.assertions;

import dev.limajunit.assertions.error.PollSummary;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One observation loop for Awaitility: reads a value, tests it, and remembers what it saw (the last value, the
 * first hit and when) so a failure message can say what was really there.
 */
final class Poll<T> {

    private final Supplier<T> probe;
    private final Predicate<T> goal;
    private final long startNanos;
    private int polls;
    private T last;
    private T firstHit;
    private long firstHitNanos = -1;
    private int firstHitPoll;
    private long lastMissStartNanos = -1;

    /** @param startNanos the {@link System#nanoTime()} latencies are measured from */
    Poll(Supplier<T> probe, Predicate<T> goal, long startNanos) {
        this.probe = probe;
        this.goal = goal;
        this.startNanos = startNanos;
    }

    /** Reads once; true when the goal holds. */
    boolean reached() {
        long pollStart = System.nanoTime();
        T value = probe.get();
        long at = System.nanoTime();
        polls++;
        last = value;
        boolean hit = goal.test(value);
        if (hit && firstHit == null) {
            firstHit = value;
            firstHitNanos = at;
            firstHitPoll = polls;
        } else if (!hit && firstHit == null) {
            lastMissStartNanos = pollStart;
        }
        return hit;
    }

    /** Reads once; true while the goal does not hold (for "stays stale" checks). */
    boolean notReached() {
        return !reached();
    }

    int polls() {
        return polls;
    }

    T last() {
        return last;
    }

    /** The number (from 1) of the poll that first hit. */
    int firstHitPoll() {
        return firstHitPoll;
    }

    boolean everReached() {
        return firstHit != null;
    }

    T firstHit() {
        return firstHit;
    }

    /** From the start to the first hit. */
    Duration latency() {
        return Duration.ofNanos(firstHitNanos - startNanos);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** From the start to the start of the last poll that did not see it yet (zero when the first poll did). */
    Duration notSeenAt() {
        return lastMissStartNanos < 0 ? Duration.ZERO : Duration.ofNanos(lastMissStartNanos - startNanos);
    }

    /** The polling so far: the time since the start and the number of polls. */
    PollSummary summary() {
        return new PollSummary(elapsed(), polls);
    }

    /** The polling up to the first hit: its latency and its number. */
    PollSummary untilFirstHit() {
        return new PollSummary(latency(), firstHitPoll);
    }

    Visibility visibility() {
        return new Visibility(latency(), notSeenAt(), polls);
    }
}
