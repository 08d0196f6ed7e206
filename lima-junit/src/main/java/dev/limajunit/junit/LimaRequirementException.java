package dev.limajunit.junit;

import org.apiguardian.api.API;

/**
 * What {@code lima.require} names cannot run on this host: the class fails with the reason instead of being
 * skipped.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class LimaRequirementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LimaRequirementException(String message) {
        super(message);
    }
}
