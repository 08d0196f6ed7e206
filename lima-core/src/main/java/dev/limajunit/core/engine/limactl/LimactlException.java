package dev.limajunit.core.engine.limactl;

/** A limactl command that must succeed did not; the message holds the command and its stderr. */
public class LimactlException extends RuntimeException {

    private final transient LimactlResult result;

    public LimactlException(String message, LimactlResult result) {
        super(message);
        this.result = result;
    }

    /** The failed invocation. */
    public LimactlResult result() {
        return result;
    }
}
