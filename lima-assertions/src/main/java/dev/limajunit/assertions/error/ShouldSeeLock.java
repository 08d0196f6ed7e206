package dev.limajunit.assertions.error;

import dev.limajunit.assertions.LockKind;
import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/** A lock held on one side of a mount was (or was not) seen by the other side's try, against the expectation. */
public final class ShouldSeeLock extends LimaErrorMessage {

    private ShouldSeeLock(Function<Representation, String> message) {
        super(message);
    }

    /** What the other side's non-blocking try did. */
    public enum TryResult {
        /** Refused with {@code EAGAIN} or {@code EACCES}: the lock is seen. */
        REFUSED("was refused"),
        /** Got the lock: the held lock is not seen. */
        ACQUIRED("got the lock"),
        /** Neither: another error. */
        FAILED("failed otherwise");

        private final String words;

        TryResult(String words) {
            this.words = words;
        }
    }

    /**
     * @param holder     the side that holds the lock; the other side tries it
     * @param shouldSee  whether the try should have been refused (the lock seen)
     * @param got        what the try did
     * @param holderLine what the holder's probe answered, e.g. {@code ok held}
     * @param tryLine    what the trying probe answered, e.g. {@code ok acquired}
     */
    public static ShouldSeeLock unexpectedTry(Object mount, String path, LockKind kind, Side holder,
            boolean shouldSee, TryResult got, String holderLine, String tryLine) {
        Side other = holder.other();
        String lock = (kind == LockKind.FLOCK ? "an flock" : "a POSIX (fcntl)") + " lock held "
                + (holder == Side.HOST ? "on the host" : "in the guest");
        String expect = shouldSee ? "to be seen by the " + other + " (its non-blocking try refused)"
                : "not to be seen by the " + other + " (its non-blocking try getting the lock)";
        return new ShouldSeeLock(representation -> "Expecting " + lock + " on\n  " + path + "\nin\n  "
                + representation.toStringOf(mount) + "\n" + expect + ", but the " + other + "'s try " + got.words
                + ".\n" + holder + " (holds): " + holderLine + "\n" + other + " (tries): " + tryLine);
    }
}
