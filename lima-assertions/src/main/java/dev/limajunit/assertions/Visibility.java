package dev.limajunit.assertions;

import java.time.Duration;

/**
 * What a successful wait observed.
 *
 * @param latency from the start of the change to the end of the first poll that saw it: an upper bound, at most
 *                one poll (probe time plus {@link Waits#POLL_INTERVAL}) late
 * @param polls   how many polls it took
 */
public record Visibility(Duration latency, int polls) {

    @Override
    public String toString() {
        return latency.toMillis() + " ms (" + polls + " polls)";
    }
}
