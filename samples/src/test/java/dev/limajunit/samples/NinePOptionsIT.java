package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.NineP;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 9p options, one VM with six mounts: Lima's defaults (writable and read-only), {@code securityModel: mapped-xattr}, a
 * bigger {@code msize} with {@code cache: loose}, an msize beyond what the guest's virtio transport takes, and
 * {@code protocolVersion: 9p2000.u}. "mapped-xattr and mapped-file are useful for persistent chown but incompatible
 * with symlinks" (Lima's docs). Every check reads the guest's /proc/mounts, never the declared or resolved spec.
 */
@LimaInstance(mountType = NINEP, mounts = {
        @Mount(writable = true),
        @Mount(writable = true, ninep = @NineP(securityModel = "mapped-xattr")),
        @Mount(writable = true, ninep = @NineP(msize = "256KiB", cache = "loose")),
        @Mount(ninep = @NineP(msize = "1MiB")),
        @Mount,
        @Mount(writable = true, ninep = @NineP(protocolVersion = "9p2000.u"))})
class NinePOptionsIT {

    /**
     * The cache mode as the guest kernel prints it: a name up to Linux 6.5 (the qemu engine's 6.1 guest), a hex code
     * of cache flags from 6.6 (Lima's own guest agent maps them back the same way: 8f fscache, 5 mmap, f loose).
     */
    private static final Map<String, String> CACHE_CODES = Map.of("cache=8f", "fscache", "cache=5", "mmap",
            "cache=f", "loose", "cache=1", "readahead", "cache=0", "none");

    @Test
    @Behaviour(id = "9p-defaults", title = "9p: Lima's defaults are what the guest mounted")
    void limaDefaultsAreWhatTheGuestMounted(@MountIndex(0) MountedDirectory dir, GuestShell shell) {
        // The kernel prints version and msize only where they differ from its own defaults (9p2000.L, 128 KiB), and
        // access=client is 9p2000.L's default access (9p2000.u and 9p2000 default to access=user); a writable
        // mount's cache is mmap.
        assertThat(mountOptions(shell, dir)).contains("rw", "trans=virtio", "mmap", "access=client")
                .doesNotContain("noextend").noneMatch(o -> o.startsWith("version=") || o.startsWith("msize="));
    }

    @Test
    @Behaviour(id = "9p-read-only-fscache", title = "9p: a read-only mount defaults to cache=fscache")
    void aReadOnlyMountDefaultsToFscache(@MountIndex(4) MountedDirectory dir, GuestShell shell) {
        assertThat(mountOptions(shell, dir)).contains("ro", "fscache", "access=client")
                .noneMatch(o -> o.startsWith("version=") || o.startsWith("msize="));
    }

    @Test
    @Behaviour(id = "9p-protocol-9p2000u", title = "9p protocolVersion 9p2000.u: the guest shows version=9p2000.u")
    void protocolVersion9p2000uReachesTheGuestMount(@MountIndex(5) MountedDirectory dir, GuestShell shell) {
        // 9p2000.u (Unix extensions) defaults to access=user; 9p2000.L's access=client is gone.
        assertThat(mountOptions(shell, dir)).contains("rw", "version=9p2000.u", "access=user")
                .doesNotContain("access=client");
    }

    @Test
    @Behaviour(id = "9p-msize-cache", title = "9p: msize and cache reach the guest mount")
    void msizeAndCacheReachTheGuestMount(@MountIndex(2) MountedDirectory dir, GuestShell shell) {
        assertThat(mountOptions(shell, dir)).contains("msize=262144", "loose");
    }

    @Test
    @Behaviour(id = "9p-msize-capped", title = "9p: an msize above 500 KiB is capped by the guest's virtio transport")
    void anMsizeAboveWhatVirtioTakesIsCapped(@MountIndex(3) MountedDirectory dir, GuestShell shell) {
        // Lima passes msize=1048576; the kernel's virtio transport carries at most 125 pages a request.
        assertThat(mountOptions(shell, dir)).contains("ro", "msize=512000");
    }

    @Test
    @Behaviour(id = "9p-security-none-symlink",
            title = "9p securityModel none: a guest symlink is a symlink on the host")
    void withSecurityModelNoneAGuestSymlinkIsASymlinkOnTheHost(@MountIndex(0) MountedDirectory dir) {
        dir.shell().execChecked("ln", "-s", "target.txt", dir.guest("none-link").value());
        assertThat(Files.isSymbolicLink(dir.host("none-link"))).as("host sees a symlink").isTrue();
    }

    @Test
    @Behaviour(id = "9p-mapped-xattr-symlink",
            title = "9p securityModel mapped-xattr: a guest symlink is no symlink on the host")
    void withMappedXattrAGuestSymlinkIsAPlainFileOnTheHost(@MountIndex(1) MountedDirectory dir) {
        dir.shell().execChecked("ln", "-s", "target.txt", dir.guest("mapped-link").value());
        assertThat(Files.isSymbolicLink(dir.host("mapped-link")))
                .as("mapped-xattr stores the link as a regular file with its target as content").isFalse();
        assertThat(Files.isRegularFile(dir.host("mapped-link"))).isTrue();
    }

    @Test
    @Behaviour(id = "9p-loose-guest-write",
            title = "9p cache loose: guest writes reach the host (the guest keeps its own mtime)")
    void guestWritesReachTheHostWithCacheLoose(@MountIndex(2) MountedDirectory dir) {
        // With cache=loose the guest writes back when it likes and never revalidates attributes: the content arrives,
        // but the host's mtime is the write-back's, seconds after the one the guest keeps showing. So compare content.
        dir.shell().execChecked("sh", "-c", "printf 'written through cache=loose' > \"$1\"", "write",
                dir.guest("loose.txt").value());
        await("host content of loose.txt")
                .pollInSameThread().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> Files.exists(dir.host("loose.txt"))
                        && Files.readString(dir.host("loose.txt")).equals("written through cache=loose"));
    }

    /** The options of the guest's /proc/mounts line for this mount, cache codes as names. */
    private static List<String> mountOptions(GuestShell shell, MountedDirectory dir) {
        return ProcMounts.at(shell, dir.guestPath().value()).options().stream()
                .map(o -> CACHE_CODES.getOrDefault(o, o)).toList();
    }
}
