package dev.limajunit.assertions.error;

import java.time.Duration;

/**
 * How a poll went up to its verdict: the time from the change, and how many polls it took.
 *
 * @param elapsed from the change (or the check's start) to the verdict
 * @param polls   the number of polls up to and including the one that decided
 */
public record PollSummary(Duration elapsed, int polls) {

    /** {@code 1 poll} or {@code 7 polls}. */
    String pollCount() {
        return polls + (polls == 1 ? " poll" : " polls");
    }
}
