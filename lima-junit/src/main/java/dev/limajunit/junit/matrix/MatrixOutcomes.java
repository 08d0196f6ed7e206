package dev.limajunit.junit.matrix;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.junit.internal.KnownLimitationBroken;
import dev.limajunit.junit.internal.KnownLimitationExtension;
import dev.limajunit.junit.internal.KnownLimitationHeld;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Reads a test's JUnit result as a matrix outcome with its reason. {@link KnownLimitationExtension} turns a
 * declared limitation's failure into a {@link KnownLimitationHeld} abort and its pass into a
 * {@link KnownLimitationBroken} failure: those become KNOWN_LIMITATION and UNEXPECTED_PASS; any other abort is
 * SKIPPED, any other failure FAIL.
 */
final class MatrixOutcomes {

    record Classified(Outcome outcome, String reason) {}

    private MatrixOutcomes() {
    }

    static Classified of(TestExecutionResult result, MountType type, String knownLimitation) {
        Optional<Throwable> thrown = result.getThrowable();
        String message = thrown.map(MatrixOutcomes::describe).orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> new Classified(Outcome.PASS, null);
            case ABORTED -> {
                if (knownLimitation != null && thrown.orElse(null) instanceof KnownLimitationHeld held
                        && held.mountType() == type) {
                    String observed = thrown.map(Throwable::getCause).map(MatrixOutcomes::describe).orElse(null);
                    yield new Classified(Outcome.KNOWN_LIMITATION,
                            knownLimitation + (observed == null ? "" : "\nobserved: " + observed));
                }
                yield new Classified(Outcome.SKIPPED, message);
            }
            case FAILED -> {
                if (knownLimitation != null && thrown.orElse(null) instanceof KnownLimitationBroken broken
                        && broken.mountType() == type) {
                    yield new Classified(Outcome.UNEXPECTED_PASS, message);
                }
                yield new Classified(Outcome.FAIL, message);
            }
        };
    }

    /** The message, or the exception's type when it has none (an NPE says more by its name than by "null"). */
    static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message.strip();
    }
}
