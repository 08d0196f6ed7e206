package dev.limajunit.assertions.it;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.assertions.it.FailureMessages.failureOf;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.assertions.HostChange;
import dev.limajunit.assertions.MountedDirectoryAssert;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.core.watch.InotifyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every mount and event assertion, both outcomes, on one real 9p guest with Lima's defaults: a writable mount
 * (cache=mmap, mountInotify on) and a read-only one (cache=fscache, no forwarding). Pins DESIGN's 9p findings.
 */
class NinePAssertionsIT {

    private static final Duration TWO_S = Duration.ofSeconds(2);
    private static final Duration ONE_S = Duration.ofSeconds(1);

    private static TestVm vm;
    private static MountedDirectory rw;
    private static MountedDirectory ro;

    @BeforeAll
    static void boot() throws IOException {
        vm = TestVm.boot(NinePAssertionsIT.class, MountType.NINEP, true,
                TestVm.Mount.writable("/mnt/rw"), TestVm.Mount.readOnly("/mnt/ro"));
        rw = vm.mount(0);
        ro = vm.mount(1);
        Files.createDirectories(rw.host("sub"));
        Files.writeString(rw.host("sub/b.txt"), "nested\n");
        Files.writeString(ro.host("cached.txt"), "first\n");
        vm.shell().execChecked("cat", ro.guest("cached.txt").value()); // the guest caches it (fscache)
    }

    @AfterAll
    static void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    // --- host -> guest ---------------------------------------------------------------------------------------------

    @Test
    void hostChangesShowInTheGuestAtOnceWithCacheMmap() {
        MountedDirectoryAssert check = assertThat(rw)
                .showsInGuest(HostChange.create("grüße aus 東京.txt", "hello\n"), TWO_S)
                .showsInGuest(HostChange.append("grüße aus 東京.txt", "more\n"), TWO_S);
        System.out.println("9p mmap: host append visible in the guest after " + check.lastVisibility());
        check.showsInGuest(HostChange.chmod("grüße aus 東京.txt", "600"), TWO_S)
                .showsInGuest(HostChange.mkdir("a dir"), TWO_S)
                .showsInGuest(HostChange.createNested("x/y/z ü.txt", "deep"), TWO_S)
                .showsInGuest(HostChange.rename("grüße aus 東京.txt", "a dir/renamed.txt"), TWO_S)
                .showsInGuest(HostChange.delete("a dir/renamed.txt"), TWO_S)
                .showsInGuest(HostChange.touch("x/y/z ü.txt"), TWO_S);
    }

    @Test
    void aHostAppendUpdatesTheMtimeTheGuestSees() {
        assertThat(rw).showsInGuest(HostChange.create("dated.txt", "x"), TWO_S)
                .showsInGuest(HostChange.touch("dated.txt", Instant.parse("2000-01-01T00:00:00Z")), TWO_S)
                .showsInGuest(HostChange.append("dated.txt", "y"), TWO_S);
    }

    @Test
    void aReadOnlyFscacheMountKeepsShowingTheOldContent() {
        assertThat(ro).doesNotShowInGuest(HostChange.append("cached.txt", "second\n"), TWO_S);

        failureOf("showsInGuest-9p-fscache", () -> assertThat(ro)
                .showsInGuest(HostChange.append("cached.txt", "third\n"), ONE_S))
                .contains("Expecting the guest side of\n  9p ", "/mnt/ro (ro)\nto show the host change\n"
                        + "  append \"third\\n\" to cached.txt\nwithin 1000 ms, but after ")
                .contains("cached.txt: size: expected 19 but was 6")
                .contains("cached.txt: content: expected \"first\\nsecond\\nthird\\n\" but was \"first\\n\"")
                .contains("host sees:\n  cached.txt: file, 19 bytes",
                        "guest sees (last poll):\n  cached.txt: file, 6 bytes");
    }

    @Test
    void doesNotShowInGuestFailsWhenTheGuestCatchesUp() {
        failureOf("doesNotShowInGuest-9p-mmap", () -> assertThat(rw)
                .doesNotShowInGuest(HostChange.create("fresh.txt", "now"), ONE_S))
                .contains(
                        "/mnt/rw (rw)\nnot to show the host change\n  create fresh.txt \"now\"\nduring 1000 ms, but it"
                        + " showed it ")
                .contains("fresh.txt: file, 3 bytes, mode 644", "listed, content \"now\"");
    }

    // --- guest -> host, read-only ---------------------------------------------------------------------------------

    @Test
    void guestChangesShowOnTheHost() {
        assertThat(rw).showsOnHost(GuestChange.write("from guest/ä b.txt", "written in the guest\n"), ONE_S)
                .showsOnHost(GuestChange.append("from guest/ä b.txt", "+1\n"), ONE_S)
                .showsOnHost(GuestChange.chmod("from guest/ä b.txt", "640"), ONE_S)
                .showsOnHost(GuestChange.rename("from guest/ä b.txt", "from guest/moved.txt"), ONE_S)
                .showsOnHost(GuestChange.mkdir("from guest/dir"), ONE_S)
                .showsOnHost(GuestChange.delete("from guest/dir"), ONE_S);
    }

    @Test
    void aGuestChangeOnAReadOnlyMountFailsWithTheGuestsError() {
        failureOf("showsOnHost-readonly", () -> assertThat(ro).showsOnHost(GuestChange.write("new.txt", "x"), ONE_S))
                .contains("Expecting the guest to make the change\n  write new.txt \"x\"\nin\n  9p ")
                .contains("but the guest command failed with exit code 1:")
                .contains("guest error:\n", "Read-only file system");
    }

    @Test
    void readOnlyRefusesGuestWrites() {
        MountedDirectoryAssert check = assertThat(ro).isReadOnly().refusesGuestWrite("nope.txt",
                "Read-only file system");
        org.assertj.core.api.Assertions.assertThat(check.lastGuestError()).contains("nope.txt");

        failureOf("refusesGuestWrite-writable", () -> assertThat(rw).refusesGuestWrite("allowed.txt"))
                .contains("Expecting the guest write to\n  allowed.txt\nin\n  9p ",
                        "/mnt/rw (rw)\nto fail, but it succeeded"
                        + " (exit code 0)\nhost sees:\n  allowed.txt: file, 10 bytes");
        failureOf("refusesGuestWrite-otherError", () -> assertThat(ro).refusesGuestWrite("nope.txt",
                "Permission denied"))
                .contains("to fail with an error containing\n  \"Permission denied\"\nbut it failed with exit code 1 "
                        + "and:")
                .contains("Read-only file system");
    }

    /** isReadOnly/isWritable read the guest kernel's /proc/mounts line, and fail showing it. */
    @Test
    void readOnlyAndWritableAreWhatTheGuestKernelSays() {
        assertThat(rw).isWritable();

        failureOf("isReadOnly-writable", () -> assertThat(rw).isReadOnly())
                .contains("to be mounted read-only in the guest, but the guest's /proc/mounts shows:\n  ")
                .contains(" /mnt/rw 9p rw,");
        failureOf("isWritable-readOnly", () -> assertThat(ro).isWritable())
                .contains("to be mounted writable in the guest, but the guest's /proc/mounts shows:\n  ")
                .contains(" /mnt/ro 9p ro,");
    }

    // --- symlinks, ownership ----------------------------------------------------------------------------------------

    @Test
    void ninePShowsSymlinksAsSymlinks() throws IOException {
        new HostActions(rw.hostPath(), new EventLog()).write("target.txt", "pointed at");
        Files.createSymbolicLink(rw.host("link"), Path.of("target.txt"));

        assertThat(rw).doesNotFollowSymlink("link", TWO_S);
        failureOf("followsSymlink-9p", () -> assertThat(rw).followsSymlink("link", ONE_S))
                .contains("to follow the symlink (show what it points to, no symlink) at\n  link\nwithin 1000 ms, but "
                        + "after")
                .contains("the guest sees:\n  link: symlink to \"target.txt\" resolving to file, 10 bytes");
    }

    @Test
    void theGuestSeesTheHostOwnerWithSecurityModelNone() throws IOException {
        Files.writeString(rw.host("owned.txt"), "x");
        Files.setAttribute(rw.host("owned.txt"), "unix:uid", 1234);
        Files.setAttribute(rw.host("owned.txt"), "unix:gid", 2345);

        assertThat(rw).hasGuestOwner("owned.txt", 1234, 2345);
        failureOf("hasGuestOwner-9p", () -> assertThat(rw).hasGuestOwner("owned.txt", 0, 0))
                .contains("to see owner uid 0 gid 0 at\n  owned.txt\nwithin 5000 ms", "uid 1234, gid 2345");
    }

    // --- inotify ----------------------------------------------------------------------------------------------------

    @Test
    void hostChangesRaiseNoEventWithoutMountInotify() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), ro.guestPath(), new EventLog())) {
            HostActions host = new HostActions(ro.hostPath(), watcher.log());
            host.create("quiet.txt", "x");

            assertThat(watcher).receivesNothingFor("quiet.txt", ONE_S);
            failureOf("receives-9p-noForwarding", () -> assertThat(watcher).receives(InotifyEvent.CREATE, "quiet.txt",
                    ONE_S))
                    .contains("Expecting the guest watcher\n  inotifywait on /mnt/ro\nto receive CREATE for\n  "
                            + "\"quiet.txt\"\n"
                            + "within 1000 ms of host create quiet.txt at ")
                    .contains("but it did not arrive; events for \"quiet.txt\" in the window: none\ntimeline")
                    .contains("note   watches established",
                            "host   create quiet.txt (1 bytes)   [no guest event followed]");
        }
    }

    @Test
    void receivesNothingForFailsWhenTheWatcherDiesInTheWindow() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), ro.guestPath(), new EventLog())) {
            // The guest kills its inotifywait about a second into the window, in the background.
            vm.shell().execChecked("sh", "-c",
                    "(sleep 1; kill -9 $(pidof inotifywait)) </dev/null >/dev/null 2>&1 &");

            failureOf("receivesNothingFor-dead-watcher", () -> assertThat(watcher)
                    .receivesNothingFor("quiet.txt", TWO_S))
                    .contains("to receive nothing for\n  \"quiet.txt\"\nduring 2000 ms",
                            "but the watcher died during the window (found dead at +");
            org.assertj.core.api.Assertions.assertThat(watcher.isRunning()).as("the watcher runs").isFalse();
            failureOf("receivesNothingFor-dead-watcher-before", () -> assertThat(watcher)
                    .receivesNothingFor("quiet.txt", TWO_S)).contains("but the watcher died before the window began");
        }
    }

    @Test
    void mountInotifyTurnsAHostChangeIntoAttrib() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), rw.guestPath(), new EventLog())) {
            HostActions host = new HostActions(rw.hostPath(), watcher.log());
            host.create("forwarded.txt", "x");

            var check = assertThat(watcher).receives(InotifyEvent.ATTRIB, "forwarded.txt", TWO_S);
            System.out.println("9p mountInotify: host create -> guest ATTRIB after " + check.latency().toMillis()
                    + " ms");
            failureOf("receivesNothingFor-9p-forwarded", () -> assertThat(watcher).receivesNothingFor("forwarded.txt",
                    ONE_S))
                    .contains("to receive nothing for\n  \"forwarded.txt\"\nduring 1000 ms of host create "
                            + "forwarded.txt at ")
                    .contains("but it received:\n  ATTRIB at +")
                    .contains("guest  ATTRIB forwarded.txt   [");
        }
    }

    @Test
    void guestWritesRaiseCreateThenCloseWrite() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), rw.guestPath(), new EventLog())) {
            vm.shell().execChecked(Command.of("sh", "-c", "echo hi > \"$1\"", "w", rw.guest("by guest.txt").value()));

            assertThat(watcher).receivesInOrder("by guest.txt", TWO_S, InotifyEvent.CREATE, InotifyEvent.CLOSE_WRITE);
            failureOf("receivesInOrder-wrongOrder", () -> assertThat(watcher)
                    .receivesInOrder("by guest.txt", Duration.ofMillis(200), InotifyEvent.CLOSE_WRITE,
                            InotifyEvent.CREATE))
                    .contains("to receive CLOSE_WRITE then CREATE for\n  \"by guest.txt\"\nwithin 200 ms (no host "
                            + "action on it"
                            + " in this log: counted from the check at ")
                    .contains("but it did not arrive; events for \"by guest.txt\" in the window: CREATE at +");
        }
    }

    @Test
    void aTouchInARootFileRaisesAttribButNotInASubdirectory() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), rw.guestPath(), new EventLog())) {
            vm.shell().execChecked("touch", "-c", rw.guest("sub/b.txt").value());
            vm.shell().execChecked(Command.of("sh", "-c", "echo x > \"$1\" && touch -c \"$1\"", "t",
                    rw.guest("top.txt").value()));

            assertThat(watcher).receives(InotifyEvent.ATTRIB, "top.txt", TWO_S)
                    .receivesNothingFor("sub/b.txt", ONE_S);
            failureOf("receives-9p-nested", () -> assertThat(watcher).receives(InotifyEvent.ATTRIB, "sub/b.txt", ONE_S))
                    .contains(
                            "to receive ATTRIB for\n  \"sub/b.txt\"\nwithin 1000 ms (no host action on it in this log",
                            "but it did not arrive; events for \"sub/b.txt\" in the window: none");
        }
    }

    // --- exec results -----------------------------------------------------------------------------------------------

    @Test
    void execResultsOfRealGuestCommands() {
        assertThat(vm.shell().exec("cat", rw.guest("sub/b.txt").value())).succeeded().hasExitCode(0)
                .stdoutContains("nested").stdoutMatches("^nested$");
        assertThat(vm.shell().exec("cat", "/nope")).failed().hasExitCode(1)
                .stderrContains("No such file or directory").stderrMatches("can't open '/nope'");

        failureOf("exec-succeeded", () -> assertThat(vm.shell().exec("cat", "/nope")).succeeded())
                .startsWith("\nExpecting the guest command\n  cat /nope\nto succeed (exit code 0), but it exited with "
                        + "1 after ")
                .endsWith(" ms\nstdout:\n  (empty)\nstderr:\n  cat: can't open '/nope': No such file or directory");
        failureOf("exec-stdoutMatches", () -> assertThat(vm.shell().exec("echo", "50% done"))
                .stdoutMatches("^\\d+ done"))
                .contains("Expecting stdout of the guest command\n  echo 50% done")
                .contains("to match the regular expression\n  \"^\\d+ done\"\nbut it did not (exit code 0)\nstdout:\n "
                        + " 50% done");
    }
}
