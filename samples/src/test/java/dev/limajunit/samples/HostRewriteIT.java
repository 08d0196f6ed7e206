package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;

import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Host rewrites of a file the guest has already read (docker/desktop-feedback#341: a second in-place write not
 * seen; docker/for-mac#7501: the guest's size differs): in place through the same inode, truncate and rewrite,
 * replace by rename, and a rewrite that shrinks the file. The guest reads the old content first, so its caches hold
 * it. Lima's default cache modes (9p: mmap for a writable mount; sshfs: cache on); other modes in
 * {@link NinePCacheRewriteIT} and {@link SshfsCacheRewriteIT}. Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class HostRewriteIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @BeforeEach
    void aReadFile(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("rewrite"));
    }

    @Test
    @Behaviour(id = "host-overwrite-in-place", title = "a host overwrite in place (same inode) shows in the guest")
    void aHostOverwriteInPlaceShowsInTheGuest(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("rewrite/in-place.txt"), "version 1\n");
        assertThat(dir).showsHostStateInGuest("rewrite/in-place.txt", EVENTUALLY)
                .showsInGuest(HostChange.overwrite("rewrite/in-place.txt", "version 2\n"), EVENTUALLY)
                .showsInGuest(HostChange.overwrite("rewrite/in-place.txt", "version 3\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-truncate-rewrite", title = "a host truncate and rewrite shows in the guest")
    void aHostTruncateAndRewriteShowsInTheGuest(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("rewrite/truncated.txt"), "version 1\n");
        assertThat(dir).showsHostStateInGuest("rewrite/truncated.txt", EVENTUALLY)
                .showsInGuest(HostChange.write("rewrite/truncated.txt", "version 2, longer\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-replace-by-rename", title = "a host replace by rename (new inode) shows in the guest")
    void aHostReplaceByRenameShowsInTheGuest(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("rewrite/replaced.txt"), "version 1\n");
        assertThat(dir).showsHostStateInGuest("rewrite/replaced.txt", EVENTUALLY)
                .showsInGuest(HostChange.replace("rewrite/replaced.txt", "version 2\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-shrink-visible", title = "a host rewrite that shrinks a file shows its new size in the guest")
    void aHostRewriteThatShrinksAFileShowsItsNewSize(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("rewrite/shrunk.txt"), "a long first version of the file\n");
        assertThat(dir).showsHostStateInGuest("rewrite/shrunk.txt", EVENTUALLY)
                .showsInGuest(HostChange.overwrite("rewrite/shrunk.txt", "short\n"), EVENTUALLY);
    }
}
