package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static dev.limajunit.core.watch.InotifyEvent.ATTRIB;
import static dev.limajunit.core.watch.InotifyEvent.CLOSE_WRITE;
import static dev.limajunit.core.watch.InotifyEvent.CREATE;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a file watcher in the guest (inotifywait, as webpack, nodemon or a PHP framework would use) sees on a
 * writable mount without {@code mountInotify}: the guest kernel raises events for what the guest does, and nothing
 * for what the host does.
 *
 * <p>Each test's {@link GuestFileWatcher} parameter watches the mount root (on 9p a watch on any subdirectory of the
 * mount gets no events at all), is ready when the test starts and stops after it; its {@link HostActions} write to
 * the same timeline, so a failure shows both in one order.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class InotifyIT {

    static final Duration QUIET = Duration.ofSeconds(2);
    static final Duration SOON = Duration.ofSeconds(5);

    /** Before the watcher starts, so that its recursive watch covers the subdirectory. */
    @BeforeEach
    void makeTheSubdirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("inotify-sub"));
    }

    @Test
    @Behaviour(id = "inotify-host-create-silent", title = "without mountInotify: a host create raises no guest event")
    void aHostCreateRaisesNoEventInTheGuest(HostActions host, GuestFileWatcher watcher) {
        host.create("inotify-from-host.txt", "hello\n");
        assertThat(watcher).receivesNothingFor("inotify-from-host.txt", QUIET);
    }

    @Test
    @Behaviour(id = "inotify-host-write-silent", title = "without mountInotify: a host write raises no guest event")
    void aHostWriteRaisesNoEventInTheGuest(HostActions host, GuestFileWatcher watcher) {
        host.create("inotify-edited.txt", "v1\n");
        host.write("inotify-edited.txt", "v2\n");
        assertThat(watcher).receivesNothingFor("inotify-edited.txt", QUIET);
    }

    @Test
    @Behaviour(id = "inotify-guest-write", title = "a guest write raises CREATE then CLOSE_WRITE")
    void aGuestWriteRaisesCreateThenCloseWrite(GuestFileWatcher watcher, MountedDirectory dir) {
        dir.shell().execChecked("sh", "-c", "echo hi > \"$1\"", "write", dir.guest("inotify-by-guest.txt").value());
        assertThat(watcher).receivesInOrder("inotify-by-guest.txt", SOON, CREATE, CLOSE_WRITE);
    }

    @Test
    @Behaviour(id = "inotify-guest-touch", title = "a guest touch -c raises ATTRIB (what mountInotify does)")
    void aGuestTouchRaisesAttrib(HostActions host, GuestFileWatcher watcher, MountedDirectory dir) {
        host.create("inotify-touched.txt", "x\n");
        dir.shell().execChecked("touch", "-c", dir.guest("inotify-touched.txt").value());
        assertThat(watcher).receives(ATTRIB, "inotify-touched.txt", SOON);
    }

    @Test
    @Behaviour(id = "inotify-guest-write-subdirectory", title = "a guest write in a watched subdirectory raises CREATE")
    @KnownLimitation(mountTypes = NINEP, reason = "9p hands out a new inode on each lookup, so a watch on a "
            + "subdirectory sits on a stale inode and gets no events (the seed's nested-files caveat)")
    void aGuestWriteInASubdirectoryRaisesCreate(GuestFileWatcher watcher, MountedDirectory dir) {
        dir.shell().execChecked("sh", "-c", "echo hi > \"$1\"", "write", dir.guest("inotify-sub/nested.txt").value());
        assertThat(watcher).receives(CREATE, "inotify-sub/nested.txt", SOON);
    }
}
