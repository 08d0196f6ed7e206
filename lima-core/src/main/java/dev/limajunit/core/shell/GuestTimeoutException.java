package dev.limajunit.core.shell;

import java.time.Duration;

/** A guest command ran past its timeout; the remote process was ended. */
public class GuestTimeoutException extends GuestShellException {

    public GuestTimeoutException(String command, Duration timeout) {
        super("guest command did not finish within " + timeout.toMillis() + " ms and was ended: " + command);
    }

    /** A wait on a guest command (e.g. for a readiness line) ran out; {@code message} says what was awaited. */
    public GuestTimeoutException(String message) {
        super(message);
    }
}
