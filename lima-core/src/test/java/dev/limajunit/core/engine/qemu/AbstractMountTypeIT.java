package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestEvent;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.InotifyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One real guest per mount type with Lima's defaults: a writable and a read-only mount, {@code mountInotify} on.
 * Lima forwards host changes only for writable mounts, so the read-only mount shows what a guest sees without
 * mountInotify, the writable one what it sees with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractMountTypeIT {

    protected Path rwDir;
    protected Path roDir;
    protected QemuInstance instance;
    protected MountedDirectory rw;
    protected MountedDirectory ro;

    abstract MountType mountType();

    /** More mounts for the type's own tests, indexed from {@code firstIndex}. */
    List<ResolvedMount> extraMounts(int firstIndex) throws IOException {
        return List.of();
    }

    @BeforeAll
    void boot() throws IOException {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        rwDir = Files.createTempDirectory("lima-junit-rw ");
        roDir = Files.createTempDirectory("lima-junit-ro");
        Files.writeString(rwDir.resolve("hello.txt"), "hello from the host\n");
        Files.writeString(roDir.resolve("hello.txt"), "read-only hello\n");
        List<ResolvedMount> mounts = new ArrayList<>(List.of(
                QemuTestVm.mount(0, rwDir, "/mnt/rw", true), QemuTestVm.mount(1, roDir, "/mnt/ro", false)));
        mounts.addAll(extraMounts(mounts.size()));
        instance = (QemuInstance) engine.start(QemuTestVm.spec(mountType(), true, mounts.toArray(ResolvedMount[]::new)),
                QemuTestVm.options(getClass().getSimpleName()));
        rw = instance.mounts().get(0);
        ro = instance.mounts().get(1);
    }

    @AfterAll
    void stop() throws IOException {
        if (instance != null) {
            instance.close();
        }
        for (Path dir : temporaryDirectories()) {
            if (dir != null) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** Host directories to delete after the class. */
    List<Path> temporaryDirectories() {
        return Arrays.asList(rwDir, roDir);
    }

    @Test
    void theMountsAreListedWithTheirTypeAndPaths() {
        assertThat(instance.mounts()).extracting(MountedDirectory::type).containsOnly(mountType());
        assertThat(rw.hostPath()).isEqualTo(rwDir);
        assertThat(rw.guestPath().value()).isEqualTo("/mnt/rw");
        assertThat(instance.bootPhases()).containsKeys("kit", "accelerator", "ssh", "mount[0]", "mount[1]");
        // restored from a boot snapshot (the default), or booted cold when none could be made
        assertThat(instance.bootPhases()).satisfiesAnyOf(
                phases -> assertThat(phases).containsKeys("snapshot", "restore").doesNotContainKey("kernel"),
                phases -> assertThat(phases).containsKeys("qemu", "kernel", "init").doesNotContainKey("restore"));
    }

    @Test
    void aHostFileIsVisibleInTheGuestWithItsContent() {
        ExecResult cat = instance.shell().execChecked("cat", "/mnt/rw/hello.txt", "/mnt/ro/hello.txt");

        assertThat(cat.stdoutText()).isEqualTo("hello from the host\nread-only hello\n");
    }

    @Test
    void aGuestWriteIsVisibleOnTheHost() {
        instance.shell().execChecked("sh", "-c", "echo written in the guest > /mnt/rw/from-guest.txt");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(rwDir.resolve("from-guest.txt")).hasContent("written in the guest"));
    }

    @Test
    void aReadOnlyMountRefusesGuestWrites() {
        ExecResult write = instance.shell().exec("sh", "-c", "echo nope > /mnt/ro/new.txt");

        assertThat(write.exitCode()).isNotZero();
        assertThat(write.stderrText()).contains(readOnlyError());
        assertThat(roDir.resolve("new.txt")).doesNotExist();
    }

    /** What a write on the read-only mount says in the guest. */
    String readOnlyError() {
        return "Read-only file system";
    }

    @Test
    void guestWritesRaiseCreateModifyAndCloseWriteInTheGuest() {
        EventLog log = new EventLog();
        try (GuestFileWatcher watcher = GuestFileWatcher.start(instance.shell(), rw.guestPath(), log)) {
            instance.shell().execChecked("sh", "-c", "echo data > /mnt/rw/guest-made.txt");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.eventsFor("guest-made.txt"))
                    .flatExtracting(GuestEvent::events)
                    .contains(InotifyEvent.CREATE, InotifyEvent.MODIFY, InotifyEvent.CLOSE_WRITE));
        }
    }

    @Test
    void withoutForwardingAHostCreateRaisesNoGuestEvent() throws IOException {
        EventLog log = new EventLog();
        try (GuestFileWatcher watcher = GuestFileWatcher.start(instance.shell(), ro.guestPath(), log)) {
            Files.writeString(roDir.resolve("host-made.txt"), "x");

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .until(() -> log.eventsFor("host-made.txt").isEmpty());
        }
    }

    @Test
    void withMountInotifyAHostCreateArrivesAsAttrib() throws IOException {
        EventLog log = new EventLog();
        try (GuestFileWatcher watcher = GuestFileWatcher.start(instance.shell(), rw.guestPath(), log)) {
            Files.writeString(rwDir.resolve("forwarded.txt"), "x");

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(log.eventsFor("forwarded.txt"))
                    .flatExtracting(GuestEvent::events).contains(InotifyEvent.ATTRIB));
        }
        assertThat(instance.inotifyForwarder()).isPresent();
        assertThat(instance.inotifyForwarder().get().forwarded())
                .anySatisfy(change -> {
                    assertThat(change.hostPath()).isEqualTo(rwDir.resolve("forwarded.txt"));
                    assertThat(change.guestPath().value()).isEqualTo("/mnt/rw/forwarded.txt");
                    assertThat(change.succeeded()).isTrue();
                });
    }

    /** Whether a guest watch on an existing subdirectory sees the forwarder's touch of a file in it. */
    boolean nestedForwardedChangeIsSeen() {
        return true;
    }

    @Test
    void withMountInotifyAHostChangeInASubdirectory() throws IOException {
        Files.createDirectory(rwDir.resolve("sub"));
        await().atMost(Duration.ofSeconds(15)).until(() -> forwardedSucceeded(rwDir.resolve("sub")));
        EventLog log = new EventLog();
        try (GuestFileWatcher watcher = GuestFileWatcher.start(instance.shell(), rw.guestPath(), log)) {
            Files.writeString(rwDir.resolve("sub/nested.txt"), "x");
            await().atMost(Duration.ofSeconds(15)).until(() -> forwardedSucceeded(rwDir.resolve("sub/nested.txt")));

            if (nestedForwardedChangeIsSeen()) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.eventsFor("sub/nested.txt"))
                        .flatExtracting(GuestEvent::events).contains(InotifyEvent.ATTRIB));
            } else {
                await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                        .until(() -> log.eventsFor("sub/nested.txt").isEmpty());
            }
        }
    }

    private boolean forwardedSucceeded(Path hostPath) {
        return instance.inotifyForwarder().orElseThrow().forwarded().stream()
                .anyMatch(change -> change.hostPath().equals(hostPath) && change.succeeded());
    }
}
