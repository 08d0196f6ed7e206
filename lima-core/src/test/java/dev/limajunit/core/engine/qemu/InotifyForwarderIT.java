package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.shell.GuestPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mountInotify forwarder does what Lima v2.2.0's host and guest agents do, for the cases where a naive watcher
 * would not: a host delete sends nothing, a rename sends the new name, a chmod (same mtime) and an mtime set backwards
 * or less than 10 ms after the last forwarded one are dropped, and the 10 ms count from the last forwarded mtime.
 * Each "nothing forwarded" is closed by a barrier: a later change in the same directory that is forwarded, so the
 * earlier event has been handled by then (one thread takes the events in order).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InotifyForwarderIT {

    private static final Duration SOON = Duration.ofSeconds(15);

    private Path dir;
    private QemuInstance instance;
    private InotifyForwarder forwarder;
    private int barriers;

    @BeforeAll
    void boot() throws IOException {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        dir = Files.createTempDirectory("lima-junit-inotify");
        instance = (QemuInstance) engine.start(QemuTestVm.spec(MountType.NINEP, true,
                QemuTestVm.mount(0, dir, "/mnt/rw", true)), QemuTestVm.options(getClass().getSimpleName()));
        forwarder = instance.inotifyForwarder().orElseThrow();
    }

    @AfterAll
    void stop() throws IOException {
        if (instance != null) {
            instance.close();
        }
        if (dir != null) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aHostDeleteSendsNothing() throws IOException {
        Path doomed = created("doomed.txt");
        long before = forwardedFor(doomed);

        Files.delete(doomed);
        barrier();

        assertThat(forwardedFor(doomed)).as("changes forwarded for the deleted file").isEqualTo(before);
    }

    @Test
    void aHostRenameSendsTheNewNameWhoseGuestFileGetsTheHostMtime() throws IOException {
        Path before = created("before.txt");
        Path after = dir.resolve("after.txt");
        long forwardedBefore = forwardedFor(before);

        Files.move(before, after);

        await("the rename forwarded as a create of after.txt").atMost(SOON).until(() -> forwardedFor(after) > 0);
        assertThat(forwardedFor(before)).as("nothing for the old name").isEqualTo(forwardedBefore);
        ForwardedChange change = forwarder.forwarded().stream().filter(c -> c.hostPath().equals(after))
                .findFirst().orElseThrow();
        assertThat(change.guestPath()).isEqualTo(GuestPath.of("/mnt/rw/after.txt"));
        assertThat(change.succeeded()).isTrue();
        assertThat(change.mtime()).isEqualTo(Files.getLastModifiedTime(after).toInstant());
    }

    @Test
    void aChmodThatLeavesTheMtimeIsDropped() throws IOException {
        Path file = created("chmod.txt");
        long before = forwardedFor(file);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        barrier();

        assertThat(forwardedFor(file)).as("IN_ATTRIB with the mtime already forwarded").isEqualTo(before);
    }

    @Test
    void anMtimeSetBackwardsIsDropped() throws IOException {
        Path file = created("backwards.txt");
        long before = forwardedFor(file);

        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        barrier();

        assertThat(forwardedFor(file)).as("Lima drops an mtime earlier than the forwarded one").isEqualTo(before);
    }

    @Test
    void theTenMillisecondsCountFromTheLastForwardedMtime() throws IOException {
        Path file = created("window.txt");
        Instant forwardedMtime = lastForwarded(file).mtime();
        long before = forwardedFor(file);

        Files.setLastModifiedTime(file, FileTime.from(forwardedMtime.plusMillis(5)));
        barrier();
        assertThat(forwardedFor(file)).as("5 ms after the forwarded mtime: dropped").isEqualTo(before);

        Files.setLastModifiedTime(file, FileTime.from(forwardedMtime.plusMillis(11)));
        await("11 ms after the forwarded mtime (6 after the dropped one) is forwarded").atMost(SOON)
                .until(() -> forwardedFor(file) == before + 1);
        assertThat(lastForwarded(file).mtime()).isEqualTo(forwardedMtime.plusMillis(11));
    }

    /** A new host file, once its create has been forwarded. */
    private Path created(String name) throws IOException {
        Path file = Files.writeString(dir.resolve(name), name + "\n");
        await("the create of " + name + " forwarded").atMost(SOON).until(() -> forwardedFor(file) > 0);
        return file;
    }

    /** A change after which every earlier event in the directory has been handled. */
    private void barrier() throws IOException {
        created("barrier-" + ++barriers + ".txt");
    }

    private long forwardedFor(Path file) {
        return forwarder.forwarded().stream().filter(c -> c.hostPath().equals(file)).count();
    }

    private ForwardedChange lastForwarded(Path file) {
        return forwarder.forwarded().stream().filter(c -> c.hostPath().equals(file)).reduce((a, b) -> b)
                .orElseThrow();
    }
}
