package dev.limajunit.assertions;

import dev.limajunit.core.mount.MountedDirectory;

/**
 * Entry points for what crosses the host/guest boundary beyond content: locks, and ownership of what the guest
 * creates. Kept apart from {@link LimaAssertions} so that both can be imported statically.
 */
public final class BoundaryAssertions {

    private BoundaryAssertions() {
    }

    /** A lock on {@code path} (relative to the mount) to hold on one side and try on the other. */
    public static LockAssert assertThatLock(MountedDirectory dir, String path, LockKind kind) {
        return new LockAssert(dir, path, kind);
    }

    /** A file the guest is to create at {@code path} (relative to the mount); the terminal check creates it. */
    public static GuestCreationAssert assertThatGuestCreated(MountedDirectory dir, String path) {
        return new GuestCreationAssert(dir, path);
    }
}
