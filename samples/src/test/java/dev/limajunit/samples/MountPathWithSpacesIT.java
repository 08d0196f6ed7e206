package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Lima issue #5136: a mount whose host path contains a space. The location does not exist before the run: like Lima,
 * the engine creates it (validation warns). The guest sees it at the same path, spaces and all ({@code \040} in its
 * /proc/mounts).
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(location = "/tmp/lima-junit samples/a path with spaces", writable = true))
class MountPathWithSpacesIT {

    @Test
    @Behaviour(id = "location-with-spaces", title = "a location with spaces mounts and works both ways (Lima #5136)")
    void aLocationWithSpacesWorksBothWays(MountedDirectory dir) throws Exception {
        // One location for every mount type's VM, and it outlives the run (as a user's directory would): name the
        // files after the type and start from none.
        String type = dir.type().yamlName();
        Files.deleteIfExists(dir.host("from host " + type + ".txt"));
        Files.deleteIfExists(dir.host("from guest " + type + ".txt"));
        assertThat(dir)
                .showsInGuest(HostChange.create("from host " + type + ".txt", "spaces everywhere\n"),
                        Duration.ofSeconds(30))
                .showsOnHost(GuestChange.write("from guest " + type + ".txt", "and back\n"), Duration.ofSeconds(30));
    }
}
