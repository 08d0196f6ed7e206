package dev.limajunit.core.shell;

/** Something went wrong talking to the guest: connection, authentication, transport. */
public class GuestShellException extends RuntimeException {

    public GuestShellException(String message) {
        super(message);
    }

    public GuestShellException(String message, Throwable cause) {
        super(message, cause);
    }
}
