package dev.limajunit.assertions;

import java.time.Duration;

/**
 * What a successful wait observed.
 *
 * A poll reads the other side at some moment between its start and its end, so the true latency lies between
 * {@code notSeenAt} (a poll that began then did not see the change yet) and {@code latency} (a poll that ended then
 * had seen it). Under TCG one guest probe takes a few hundred ms, which bounds how precise this can be.
 *
 * @param latency   from the start of the change to the end of the first poll that saw it: the upper bound
 * @param notSeenAt from the start of the change to the start of the last poll that did not see it: the lower bound
 *                  (zero when the first poll saw it)
 * @param polls     how many polls it took
 */
public record Visibility(Duration latency, Duration notSeenAt, int polls) {

    @Override
    public String toString() {
        return "between " + notSeenAt.toMillis() + " and " + latency.toMillis() + " ms (" + polls
                + (polls == 1 ? " poll)" : " polls)");
    }
}
