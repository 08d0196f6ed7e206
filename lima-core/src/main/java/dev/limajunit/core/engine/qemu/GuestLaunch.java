package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.util.List;

/**
 * How a guest comes up, up to its first root session: booted cold ({@link ColdLaunch}) or restored from a boot
 * snapshot ({@link RestoredLaunch}). Each records its own boot phases; the start goes on the same way after either.
 */
sealed interface GuestLaunch permits ColdLaunch, RestoredLaunch {

    /**
     * Starts QEMU for {@code machine} with the mounts' devices (their host helpers are running) and logs in.
     *
     * @throws GuestStalledException     when the guest printed nothing for too long (the engine boots it once more)
     * @throws SnapshotRestoreException when a restore failed in a way a cold boot may not (the engine boots cold)
     */
    RunningGuest launch(QemuMachine machine, List<MountWiring> wirings) throws IOException;
}
