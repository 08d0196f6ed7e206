package dev.limajunit.assertions;

import dev.limajunit.core.mount.MountedDirectory;

/**
 * Entry points for what crosses the host/guest boundary beyond content: ownership of what the guest creates. Kept
 * apart from {@link LimaAssertions} so that both can be imported statically.
 */
public final class BoundaryAssertions {

    private BoundaryAssertions() {
    }

    /** A file the guest is to create at {@code path} (relative to the mount); the terminal check creates it. */
    public static GuestCreationAssert assertThatGuestCreated(MountedDirectory dir, String path) {
        return new GuestCreationAssert(dir, path);
    }
}
