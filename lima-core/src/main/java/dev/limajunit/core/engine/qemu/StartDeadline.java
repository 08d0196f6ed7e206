package dev.limajunit.core.engine.qemu;

import java.time.Duration;

/**
 * When a start (or a part of it) must be done, on {@link System#nanoTime()}, and how to name that limit in a message.
 *
 * @param description e.g. "the start timeout of 90 s"
 */
record StartDeadline(long nanos, String description) {

    /** The minimum {@link #remaining()} gives: enough for one SSH handshake under TCG. */
    private static final Duration FLOOR = Duration.ofSeconds(5);

    /** A deadline {@code timeout} from now, described as the start timeout. */
    static StartDeadline startTimeout(Duration timeout) {
        return new StartDeadline(System.nanoTime() + timeout.toNanos(), "the start timeout of " + timeout.toSeconds()
                + " s");
    }

    boolean passed() {
        return System.nanoTime() > nanos;
    }

    /** The time left, but at least five seconds: a step begun just before the deadline still gets a fair try. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(nanos - System.nanoTime(), FLOOR.toNanos()));
    }
}
