package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.NINEP;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The README's example: one VM, one writable 9p mount of a fresh host directory. */
@LimaInstance(mountType = NINEP, mounts = @Mount(writable = true))
class QuickStartIT {

    @Test
    void theGuestSeesAFileWrittenOnTheHost(MountedDirectory dir) {
        assertThat(dir).showsInGuest(HostChange.create("hello.txt", "hello from the host\n"), Duration.ofSeconds(5));
    }

    @Test
    void theHostSeesAFileWrittenInTheGuest(MountedDirectory dir) {
        assertThat(dir).showsOnHost(GuestChange.write("from-guest.txt", "hello from the guest\n"),
                Duration.ofSeconds(5));
    }

    @Test
    void commandsRunInTheGuest(GuestShell shell) {
        assertThat(shell.exec("uname", "-s")).succeeded().stdoutContains("Linux");
    }
}
