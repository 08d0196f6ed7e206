package dev.limajunit.junit;

/**
 * What {@code lima.require} names cannot run on this host: the class fails with the reason instead of being
 * skipped.
 */
public final class LimaRequirementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    LimaRequirementException(String message) {
        super(message);
    }
}
