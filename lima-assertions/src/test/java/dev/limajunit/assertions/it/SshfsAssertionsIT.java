package dev.limajunit.assertions.it;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.assertions.it.FailureMessages.failureOf;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.assertions.HostChange;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * reverse-sshfs on one real guest, mountInotify off: {@code /mnt/cached} with Lima's defaults (cache on, symlinks
 * not followed) and {@code /mnt/fresh} with {@code cache: false, followSymlinks: true}. Pins the cache caveat.
 */
class SshfsAssertionsIT {

    private static final Duration TWO_S = Duration.ofSeconds(2);
    private static final Duration ONE_S = Duration.ofSeconds(1);

    private static TestVm vm;
    private static MountedDirectory cached;
    private static MountedDirectory fresh;

    @BeforeAll
    static void boot() throws IOException {
        vm = TestVm.boot(SshfsAssertionsIT.class, MountType.REVERSE_SSHFS, false,
                TestVm.Mount.writable("/mnt/cached").sshfs(true, false),
                TestVm.Mount.writable("/mnt/fresh").sshfs(false, true));
        cached = vm.mount(0);
        fresh = vm.mount(1);
        for (MountedDirectory mount : new MountedDirectory[] {cached, fresh}) {
            Files.createDirectories(mount.host("sub"));
            Files.writeString(mount.host("sub/b.txt"), "nested\n");
            Files.writeString(mount.host("target.txt"), "pointed at");
            Files.createSymbolicLink(mount.host("link"), Path.of("target.txt"));
        }
    }

    @AfterAll
    static void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void withCacheTheGuestListingStaysStale() throws IOException {
        vm.shell().execChecked("ls", cached.guestPath().value()); // the guest caches the listing

        assertThat(cached).doesNotShowInGuest(HostChange.create("late.txt", "x"), TWO_S);
        failureOf("showsInGuest-sshfs-cache", () -> assertThat(cached).showsInGuest(HostChange.create("later.txt", "y"),
                ONE_S))
                .contains("reverse-sshfs ", "/mnt/cached (rw)\nto show the host change\n  create later.txt \"y\"\n")
                .contains("later.txt: not listed in its directory");

        // The state before a change: a file the cached listing hides is not seen, so a check cannot start from it.
        Files.writeString(cached.host("before.txt"), "z");
        failureOf("showsHostStateInGuest-sshfs-cache", () -> assertThat(cached)
                .showsHostStateInGuest("before.txt", ONE_S))
                .contains("to show what the host shows now (the state before a change) at\n  before.txt");
    }

    @Test
    void withoutCacheTheGuestShowsHostChangesAtOnce() {
        vm.shell().execChecked("ls", fresh.guestPath().value());

        var check = assertThat(fresh).showsInGuest(HostChange.create("now.txt", "x"), TWO_S);
        System.out.println("sshfs cache=no: host create visible in the guest after " + check.lastVisibility());
        check.showsInGuest(HostChange.append("now.txt", "y"), TWO_S);
        System.out.println("sshfs cache=no: host append visible in the guest after " + check.lastVisibility());
        check.showsInGuest(HostChange.delete("now.txt"), TWO_S);
        System.out.println("sshfs cache=no: host delete visible in the guest after " + check.lastVisibility());
        failureOf("showsInGuestOnlyAfter-sshfs-nocache", () -> assertThat(fresh)
                .showsInGuestOnlyAfter(HostChange.create("quick.txt", "x"), ONE_S, TWO_S))
                .contains("not to show the host change\n  create quick.txt \"x\"\nduring 1000 ms, but it showed it");
        failureOf("doesNotShowInGuest-sshfs-nocache", () -> assertThat(fresh)
                .doesNotShowInGuest(HostChange.create("seen.txt", "x"), TWO_S))
                .contains("/mnt/fresh (rw)\nnot to show the host change\n  create seen.txt \"x\"\nduring 2000 ms, but "
                        + "it showed it");
    }

    @Test
    void followSymlinksShowsTheTargetInstead() {
        assertThat(fresh).followsSymlink("link", TWO_S);
        assertThat(cached).doesNotFollowSymlink("link", TWO_S);
        failureOf("doesNotFollowSymlink-sshfs-follow", () -> assertThat(fresh).doesNotFollowSymlink("link", ONE_S))
                .contains("to show the symlink (not follow it), with target \"target.txt\", at\n  link\nwithin 1000 ms")
                .contains("the guest sees:\n  link: file, 10 bytes");
    }

    @Test
    void guestWritesReachTheHostAndKeepTheHostOwner() throws IOException {
        assertThat(cached).showsOnHost(GuestChange.write("from guest ü.txt", "hi\n"), ONE_S);
        System.out.println("sshfs: guest write visible on the host after " + assertThat(cached)
                .showsOnHost(GuestChange.append("from guest ü.txt", "more\n"), ONE_S).lastVisibility());

        Files.writeString(fresh.host("owned.txt"), "x");
        Files.setAttribute(fresh.host("owned.txt"), "unix:uid", 1234);
        Files.setAttribute(fresh.host("owned.txt"), "unix:gid", 2345);
        assertThat(fresh).hasGuestOwner("owned.txt", 1234, 2345);
    }

    @Test
    void eventsFollowGuestActionsOnlyEvenInSubdirectories() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), fresh.guestPath(), new EventLog())) {
            new HostActions(fresh.hostPath(), watcher.log()).create("host made.txt", "x");
            vm.shell().execChecked("touch", "-c", fresh.guest("sub/b.txt").value());
            vm.shell().execChecked(Command.of("sh", "-c", "echo hi > \"$1\"", "w", fresh.guest("guest made.txt")
                    .value()));

            assertThat(watcher).receives(InotifyEvent.ATTRIB, "sub/b.txt", TWO_S)
                    .receivesInOrder("guest made.txt", TWO_S, InotifyEvent.CREATE, InotifyEvent.CLOSE_WRITE)
                    .receivesNothingFor("host made.txt", ONE_S);
            new HostActions(fresh.hostPath(), watcher.log()).delete("host made.txt");
            assertThat(watcher).receivesNothingFor("host made.txt", ONE_S);
        }
    }
}
