package dev.limajunit.assertions;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/** The two waits every assert here uses, both through Awaitility, polling every {@link #POLL_INTERVAL}. */
final class Waits {

    /** Small, so the measured latency is close to the real one; a guest probe itself takes tens of ms. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(25);

    /**
     * Lets a "during" check finish: Awaitility counts the holding time from the first poll that returned, and one
     * guest probe takes up to a few hundred ms under TCG. Callers decide by what their polls saw, not by this.
     */
    private static final Duration DURING_SLACK = Duration.ofSeconds(2);

    private Waits() {
    }

    private static ConditionFactory polling(String alias) {
        return Awaitility.await(alias).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL);
    }

    /** Whether {@code condition} became true within {@code atMost}. */
    static boolean within(String alias, Duration atMost, Callable<Boolean> condition) {
        if (atMost.toMillis() <= 0) {
            return uncheckedCall(condition); // the time is already up: one look decides
        }
        try {
            polling(alias).atMost(atMost).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Polls {@code condition} for the whole of {@code during}; whether Awaitility saw it hold throughout. Callers
     * that record their polls should judge by what the polls saw (one that broke the condition), which also covers
     * a last poll that ran past the slack.
     */
    static boolean holdsDuring(String alias, Duration during, Callable<Boolean> condition) {
        if (during.isZero() || during.isNegative()) {
            return uncheckedCall(condition);
        }
        try {
            polling(alias).during(during).atMost(during.plus(DURING_SLACK)).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    private static boolean uncheckedCall(Callable<Boolean> condition) {
        try {
            return condition.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
