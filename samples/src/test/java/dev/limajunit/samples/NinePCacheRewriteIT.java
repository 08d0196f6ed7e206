package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;

import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.NineP;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Host rewrites through 9p's {@code cache: loose} (danobi/vmtest#61: loose and fscache never revalidate), after the
 * guest read the old content. The spec is NinePOptionsIT's, so both share one VM; mount 2 is the loose one.
 */
@LimaInstance(mountType = NINEP, mounts = {
        @Mount(writable = true),
        @Mount(writable = true, ninep = @NineP(securityModel = "mapped-xattr")),
        @Mount(writable = true, ninep = @NineP(msize = "256KiB", cache = "loose")),
        @Mount(ninep = @NineP(msize = "1MiB")),
        @Mount,
        @Mount(writable = true, ninep = @NineP(protocolVersion = "9p2000.u"))})
class NinePCacheRewriteIT {

    /** Long enough for a revalidating cache (9p mmap shows host rewrites at the first look), short for CI. */
    static final Duration EVENTUALLY = Duration.ofSeconds(10);

    /** The assert's line for a guest that still reads the first version. */
    static final String STALE = "content: expected \"version 2\\n\" but was \"version 1\\n\"";

    @Test
    @Behaviour(id = "9p-loose-host-overwrite", title = "9p cache loose: a host overwrite in place shows in the "
            + "guest within 10 s")
    @KnownLimitation(mountTypes = NINEP, messageContains = STALE, reason = "cache=loose keeps the page cache of a file "
            + "the guest read and never revalidates it: the old content stays (danobi/vmtest#61)")
    void withCacheLooseAHostOverwriteInPlaceShows(@MountIndex(2) MountedDirectory loose) throws Exception {
        Files.writeString(loose.host("loose-in-place.txt"), "version 1\n");
        assertThat(loose).showsHostStateInGuest("loose-in-place.txt", EVENTUALLY)
                .showsInGuest(HostChange.overwrite("loose-in-place.txt", "version 2\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "9p-loose-host-replace", title = "9p cache loose: a host replace by rename shows in the "
            + "guest within 10 s")
    @KnownLimitation(mountTypes = NINEP, messageContains = STALE, reason = "cache=loose keeps the looked-up name, so "
            + "the guest goes on reading the replaced inode's old content (danobi/vmtest#61)")
    void withCacheLooseAHostReplaceByRenameShows(@MountIndex(2) MountedDirectory loose) throws Exception {
        Files.writeString(loose.host("loose-replaced.txt"), "version 1\n");
        assertThat(loose).showsHostStateInGuest("loose-replaced.txt", EVENTUALLY)
                .showsInGuest(HostChange.replace("loose-replaced.txt", "version 2\n"), EVENTUALLY);
    }
}
