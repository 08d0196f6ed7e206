package dev.limajunit.assertions.it;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.assertions.it.FailureMessages.failureOf;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.core.watch.InotifyEvent;
import dev.limajunit.core.watch.LogNote;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** virtiofs (cache=auto) on one real guest, mountInotify off, one writable mount. */
class VirtiofsAssertionsIT {

    private static final Duration TWO_S = Duration.ofSeconds(2);
    private static final Duration ONE_S = Duration.ofSeconds(1);

    private static TestVm vm;
    private static MountedDirectory rw;

    @BeforeAll
    static void boot() throws IOException {
        vm = TestVm.boot(VirtiofsAssertionsIT.class, MountType.VIRTIOFS, false, TestVm.Mount.writable("/mnt/rw"));
        rw = vm.mount(0);
        Files.createDirectories(rw.host("sub"));
        Files.writeString(rw.host("sub/b.txt"), "nested\n");
    }

    @AfterAll
    static void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void hostChangesShowInTheGuest() {
        var check = assertThat(rw).showsInGuest(HostChange.create("new ü.txt", "x"), TWO_S);
        System.out.println("virtiofs: host create visible in the guest after " + check.lastVisibility());
        check.showsInGuest(HostChange.append("new ü.txt", "y"), TWO_S);
        System.out.println("virtiofs: host append visible in the guest after " + check.lastVisibility());
        check.showsInGuest(HostChange.rename("new ü.txt", "sub/moved.txt"), TWO_S);
        check.showsInGuest(HostChange.delete("sub/moved.txt"), TWO_S);
        System.out.println("virtiofs: host delete visible in the guest after " + check.lastVisibility());
        assertThat(rw).showsOnHost(GuestChange.write("guest/made.txt", "z"), ONE_S);
    }

    @Test
    void aSubdirectoryWatchReceivesGuestTouchesButNoHostChanges() {
        try (GuestFileWatcher watcher = GuestFileWatcher.start(vm.shell(), rw.guestPath(), new EventLog())) {
            new HostActions(rw.hostPath(), watcher.log()).append("sub/b.txt", "host\n");
            assertThat(watcher).receivesNothingFor("sub/b.txt", ONE_S);

            LogNote touch = watcher.log().note("guest touch -c sub/b.txt");
            vm.shell().execChecked("touch", "-c", rw.guest("sub/b.txt").value());

            assertThat(watcher).since(touch).receives(InotifyEvent.ATTRIB, "sub/b.txt", TWO_S);
            failureOf("receivesNothingFor-virtiofs", () -> assertThat(watcher).since(touch)
                    .receivesNothingFor("sub/b.txt", ONE_S))
                    .contains("to receive nothing for\n  \"sub/b.txt\"\nduring 1000 ms of \"guest touch -c "
                            + "sub/b.txt\" at ")
                    .contains("but it received:\n  ATTRIB at +");
        }
    }
}
