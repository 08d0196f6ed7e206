package dev.limajunit.junit.internal;

import dev.limajunit.junit.KnownLimitation;
import org.opentest4j.TestAbortedException;

/**
 * A {@link KnownLimitation} that held: the test failed as declared and is reported as aborted. Its own type so
 * that {@link FailureDiagnostics} attaches the evidence, which it does for no other abort.
 */
final class KnownLimitationHeld extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    KnownLimitationHeld(String message, Throwable failure) {
        super(message, failure);
    }
}
