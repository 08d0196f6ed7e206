package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;

import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.Sshfs;
import dev.limajunit.junit.Toggle;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Host rewrites in place through reverse-sshfs with the cache on (Lima's default) and off, after the guest read the
 * old content. The spec is SshfsOptionsIT's, so both share one VM: mount 0 caches, mount 1 does not.
 */
@LimaInstance(mountType = REVERSE_SSHFS, mounts = {
        @Mount(writable = true),
        @Mount(writable = true, sshfs = @Sshfs(cache = Toggle.OFF)),
        @Mount(sshfs = @Sshfs(followSymlinks = Toggle.ON))})
class SshfsCacheRewriteIT {

    @Test
    @Behaviour(id = "sshfs-cache-host-overwrite", title = "sshfs cache on: a host overwrite in place shows within 30 s")
    void withTheCacheOnAHostOverwriteInPlaceShows(@MountIndex(0) MountedDirectory cached) throws Exception {
        Files.writeString(cached.host("cached-in-place.txt"), "version 1\n");
        assertThat(cached).showsHostStateInGuest("cached-in-place.txt", Duration.ofSeconds(30))
                .showsInGuest(HostChange.overwrite("cached-in-place.txt", "version 2\n"), Duration.ofSeconds(30));
    }

    @Test
    @Behaviour(id = "sshfs-no-cache-host-overwrite", title = "sshfs cache off: a host overwrite in place shows "
            + "within 2 s")
    void withTheCacheOffAHostOverwriteInPlaceShows(@MountIndex(1) MountedDirectory uncached) throws Exception {
        Files.writeString(uncached.host("uncached-in-place.txt"), "version 1\n");
        assertThat(uncached).showsHostStateInGuest("uncached-in-place.txt", Duration.ofSeconds(30))
                .showsInGuest(HostChange.overwrite("uncached-in-place.txt", "version 2\n"), Duration.ofSeconds(2));
    }
}
