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

    /** Lets a "during" check finish its last poll; a condition that broke cannot hold again in this time. */
    private static final Duration DURING_SLACK = Duration.ofMillis(500);

    private Waits() {
    }

    private static ConditionFactory polling(String alias) {
        return Awaitility.await(alias).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL);
    }

    /** Whether {@code condition} became true within {@code atMost}. */
    static boolean within(String alias, Duration atMost, Callable<Boolean> condition) {
        try {
            polling(alias).atMost(atMost).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /** Whether {@code condition} stayed true for the whole of {@code during}. */
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
