package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * A {@link dev.limajunit.junit.KnownLimitation} that no longer holds: the test passed on a mount type it is declared
 * to fail on, and fails so that someone removes the declaration. Its own type so that the matrix report tells it
 * from any other failure without reading its message.
 */
@API(status = API.Status.INTERNAL)
public final class KnownLimitationBroken extends AssertionFailedError {

    private static final long serialVersionUID = 1L;

    private final transient MountType mountType;

    KnownLimitationBroken(MountType mountType, String reason) {
        super("known limitation no longer holds on " + mountType + ": " + reason + " (the test passed; remove "
                + mountType + " from its @KnownLimitation)");
        this.mountType = mountType;
    }

    /** The mount type the limitation is declared for, where the test passed. */
    public MountType mountType() {
        return mountType;
    }
}
