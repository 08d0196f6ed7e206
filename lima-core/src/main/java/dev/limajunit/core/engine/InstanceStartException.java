package dev.limajunit.core.engine;

/** An instance could not be started; the message says why and carries the log tail that explains it. */
public class InstanceStartException extends RuntimeException {

    public InstanceStartException(String message) {
        super(message);
    }

    public InstanceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
