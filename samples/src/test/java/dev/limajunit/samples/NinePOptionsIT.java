package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.NineP;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * 9p options, one VM with three writable mounts: Lima's defaults, {@code securityModel: mapped-xattr}, and a bigger
 * {@code msize} with {@code cache: loose}. "mapped-xattr and mapped-file are useful for persistent chown but
 * incompatible with symlinks" (Lima's docs).
 */
@LimaInstance(mountType = "9p", mounts = {
        @Mount(writable = true),
        @Mount(writable = true, ninep = @NineP(securityModel = "mapped-xattr")),
        @Mount(writable = true, ninep = @NineP(msize = "512KiB", cache = "loose"))})
class NinePOptionsIT {

    @Test
    void limaDefaultsAreWhatTheGuestMounted(@MountIndex(0) MountedDirectory dir, GuestShell shell) {
        String options = mountOptions(shell, dir);
        assertThat(options).contains("trans=virtio", "version=9p2000.L", "msize=131072");
    }

    @Test
    void msizeAndCacheReachTheGuestMount(@MountIndex(2) MountedDirectory dir, GuestShell shell) {
        assertThat(mountOptions(shell, dir)).contains("msize=524288");
    }

    @Test
    void withSecurityModelNoneAGuestSymlinkIsASymlinkOnTheHost(@MountIndex(0) MountedDirectory dir) {
        dir.shell().execChecked("ln", "-s", "target.txt", dir.guest("none-link").value());
        assertThat(Files.isSymbolicLink(dir.host("none-link"))).as("host sees a symlink").isTrue();
    }

    @Test
    void withMappedXattrAGuestSymlinkIsAPlainFileOnTheHost(@MountIndex(1) MountedDirectory dir) {
        dir.shell().execChecked("ln", "-s", "target.txt", dir.guest("mapped-link").value());
        assertThat(Files.isSymbolicLink(dir.host("mapped-link")))
                .as("mapped-xattr stores the link as a regular file with its target as content").isFalse();
        assertThat(Files.isRegularFile(dir.host("mapped-link"))).isTrue();
    }

    @Test
    void guestWritesReachTheHostWithEveryCacheMode(@MountIndex(2) MountedDirectory dir) {
        assertThat(dir).showsOnHost(GuestChange.write("loose.txt", "written through cache=loose\n"), Duration.ofSeconds(10));
    }

    /** The options column of the guest's /proc/mounts line for this mount. */
    private static String mountOptions(GuestShell shell, MountedDirectory dir) {
        String line = shell.execChecked("awk", "-v", "p=" + dir.guestPath().value(), "$2 == p", "/proc/mounts").stdoutText().trim();
        assertThat(line).as("/proc/mounts line for " + dir.guestPath()).isNotEmpty();
        return line.split(" ")[3];
    }
}
