package dev.limajunit.junit.internal;

import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.junit.KnownLimitation;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Whether a test's failure is the one its {@link KnownLimitation} declares: only that failure stands for the
 * limitation; anything else (a broken guest, a dead VM, a bug in the test) is a real failure.
 */
final class DeclaredFailure {

    /** Awaitility's timeout, by name: lima-junit does not depend on Awaitility. */
    private static final String CONDITION_TIMEOUT = "org.awaitility.core.ConditionTimeoutException";

    private DeclaredFailure() {
    }

    static boolean matches(KnownLimitation limitation, Throwable failure) {
        boolean type = limitation.failsWith().length == 0
                ? isAssertionFailure(failure)
                : Arrays.stream(limitation.failsWith()).anyMatch(t -> t.isInstance(failure));
        String fragment = limitation.messageContains();
        return type && (fragment.isEmpty() || String.valueOf(failure.getMessage()).contains(fragment));
    }

    /** What the limitation accepts, for the message of a failure it does not. */
    static String describe(KnownLimitation limitation) {
        String types = limitation.failsWith().length == 0
                ? "an assertion failure"
                : Arrays.stream(limitation.failsWith()).map(Class::getName).collect(Collectors.joining(" or "));
        return types + (limitation.messageContains().isEmpty() ? ""
                : " whose message contains \"" + limitation.messageContains() + "\"");
    }

    private static boolean isAssertionFailure(Throwable failure) {
        if (causedByBrokenGuest(failure)) {
            return false;
        }
        if (failure instanceof AssertionError) {
            return true;
        }
        return isConditionTimeout(failure.getClass())
                && (failure.getCause() == null || failure.getCause() instanceof AssertionError);
    }

    private static boolean causedByBrokenGuest(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof GuestShellException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConditionTimeout(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(CONDITION_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
