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
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * What every mount type promises: host changes reach the guest and, on a writable mount, guest changes reach the
 * host. Runs once per mount type against a VM with one writable mount of a fresh host directory.
 *
 * <p>The waits are generous because reverse-sshfs caches listings and attributes for about 20 s by default (Lima
 * issue #905): the measured latencies in the mount matrix show how long each type really took.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class MountVisibilityIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Test
    @Behaviour(id = "default-mount-point", title = "mountPoint defaults to the host location")
    void theMountPointDefaultsToTheHostLocation(MountedDirectory dir) {
        // No mountPoint is declared: where the guest kernel mounted it, not what lima-junit resolved, decides.
        ProcMounts.Entry mount = ProcMounts.at(dir.shell(), dir.hostPath().toString());
        Assertions.assertThat(mount.fsType()).as("file system at the host location")
                .isEqualTo(ProcMounts.fsType(dir.type()));
    }

    @Test
    @Behaviour(id = "host-create-visible", title = "a new host file shows in the guest")
    void aNewHostFileShowsInTheGuest(MountedDirectory dir) {
        assertThat(dir).showsInGuest(HostChange.create("new.txt", "created on the host\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-append-visible", title = "content appended on the host shows in the guest")
    void appendedHostContentShowsInTheGuest(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("append"));
        Files.writeString(dir.host("append/log.txt"), "line 1\n");
        // The guest reads "line 1" first: a guest that never read the file would "see" the append at once.
        assertThat(dir).showsHostStateInGuest("append/log.txt", EVENTUALLY)
                .showsInGuest(HostChange.append("append/log.txt", "line 2\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-nested-create-visible", title = "nested directories created on the host show in the guest")
    void nestedDirectoriesCreatedOnTheHostShowInTheGuest(MountedDirectory dir) {
        assertThat(dir).showsInGuest(HostChange.createNested("nested/a/b/c.txt", "deep\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "odd-names-visible", title = "names with spaces and non-ASCII characters survive")
    void namesWithSpacesAndNonAsciiCharactersSurvive(MountedDirectory dir) {
        assertThat(dir).showsInGuest(HostChange.createNested("odd names/grüße – 日本.txt", "ünïcödé\n"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-rename-visible", title = "a host rename shows in the guest")
    void aHostRenameShowsInTheGuest(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("rename"));
        Files.writeString(dir.host("rename/before.txt"), "moving\n");
        // The guest sees the old name first: in a guest that never looked, its disappearance would "show" at once.
        assertThat(dir).showsHostStateInGuest("rename/before.txt", EVENTUALLY)
                .showsInGuest(HostChange.rename("rename/before.txt", "rename/after.txt"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "host-delete-visible", title = "a host delete shows in the guest")
    void aHostDeleteShowsInTheGuest(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("delete"));
        Files.writeString(dir.host("delete/doomed.txt"), "bye\n");
        // The guest sees the file first: in a guest that never looked, a delete would "show" at once.
        assertThat(dir).showsHostStateInGuest("delete/doomed.txt", EVENTUALLY)
                .showsInGuest(HostChange.delete("delete/doomed.txt"), EVENTUALLY);
    }

    @Test
    @Behaviour(id = "guest-write-visible", title = "a guest write shows on the host")
    void aGuestWriteShowsOnTheHost(MountedDirectory dir) {
        assertThat(dir).isWritable().showsOnHost(GuestChange.write("guest/written.txt", "written in the guest\n"),
                EVENTUALLY);
    }

    @Test
    @Behaviour(id = "guest-rename-delete-visible", title = "a guest rename and delete show on the host")
    void aGuestRenameAndDeleteShowOnTheHost(MountedDirectory dir) {
        assertThat(dir)
                .showsOnHost(GuestChange.write("guest-mv/a.txt", "a\n"), EVENTUALLY)
                .showsOnHost(GuestChange.rename("guest-mv/a.txt", "guest-mv/b.txt"), EVENTUALLY)
                .showsOnHost(GuestChange.delete("guest-mv/b.txt"), EVENTUALLY);
    }
}
