package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * A {@link dev.limajunit.junit.KnownLimitation} that held: the test failed as declared and is reported as aborted.
 * Its own type so that {@link FailureDiagnostics} attaches the evidence, which it does for no other abort, and the
 * matrix report tells it from a skip without reading its message.
 */
@API(status = API.Status.INTERNAL)
public final class KnownLimitationHeld extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    private final transient MountType mountType;

    KnownLimitationHeld(MountType mountType, String reason, Throwable failure) {
        super("known limitation on " + mountType + ": " + reason, failure);
        this.mountType = mountType;
    }

    /** The mount type the limitation is declared for, and held on. */
    public MountType mountType() {
        return mountType;
    }
}
