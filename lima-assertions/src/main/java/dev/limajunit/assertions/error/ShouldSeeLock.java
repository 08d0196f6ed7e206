package dev.limajunit.assertions.error;

/** A lock held on one side of a mount was (or was not) seen by the other side's try, against the expectation. */
public final class ShouldSeeLock extends LimaErrorMessage {

    private ShouldSeeLock(String message) {
        super(message);
    }

    /**
     * @param lock   e.g. {@code an flock lock held on the host}
     * @param expect e.g. {@code to be seen by the guest (its non-blocking try refused)}
     * @param got    what the try did, e.g. {@code the guest's try got the lock}
     */
    public static ShouldSeeLock unexpectedTry(Object mount, String path, String lock, String expect, String got,
                                              String holderSide, String holderLine, String trySide, String tryLine) {
        return new ShouldSeeLock("Expecting " + lock + " on\n  " + path + "\nin\n  " + mount + "\n" + expect
                + ", but " + got + ".\n" + holderSide + " (holds): " + holderLine + "\n" + trySide + " (tries): "
                + tryLine);
    }
}
