package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;

import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Lima mounts are read-only unless {@code writable: true}. The default {@code @LimaInstance} mounts one fresh host
 * directory exactly so.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance
class ReadOnlyMountIT {

    @Test
    @Behaviour(id = "read-only-by-default", title = "a mount is read-only unless writable")
    void aMountIsReadOnlyUnlessWritable(MountedDirectory dir) {
        // No writable is declared: the guest's mount options and a refused write say read-only, not the spec.
        Assertions.assertThat(ProcMounts.at(dir.shell(), dir.guestPath().value()).options()).contains("ro");
        assertThat(dir).refusesGuestWrite("attempt.txt", "Read-only file system");
    }

    @Test
    @Behaviour(id = "read-only-host-edit-visible", title = "a host edit shows in the guest of a read-only mount")
    @KnownLimitation(mountTypes = NINEP, reason = "read-only 9p mounts default to cache=fscache, which keeps serving "
            + "what the guest read first: host edits stay invisible")
    void aHostEditShowsInTheGuestOfAReadOnlyMount(MountedDirectory dir) throws Exception {
        assertThat(dir).showsInGuest(HostChange.create("config.txt", "version 1\n"), Duration.ofSeconds(30));
        assertThat(dir).showsInGuest(HostChange.write("config.txt", "version 2, edited on the host\n"),
                Duration.ofSeconds(30));
    }
}
