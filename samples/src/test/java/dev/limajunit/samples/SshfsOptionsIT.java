package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;

import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.Sshfs;
import dev.limajunit.junit.Toggle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * reverse-sshfs options, one VM with three mounts: the default (cache on), cache off, and followSymlinks on.
 * "Enabling the SSHFS cache will increase performance ... at the cost of potentially not reflecting changes made on
 * the host in a timely manner" (Lima's docs; issue #905).
 */
@LimaInstance(mountType = REVERSE_SSHFS, mounts = {
        @Mount(writable = true),
        @Mount(writable = true, sshfs = @Sshfs(cache = Toggle.OFF)),
        @Mount(sshfs = @Sshfs(followSymlinks = Toggle.ON))})
class SshfsOptionsIT {

    @Test
    @Behaviour(id = "sshfs-cache-stale", title = "sshfs cache on: a host delete stays invisible for seconds")
    void withTheCacheOnAHostDeleteStaysInvisibleForAWhile(@MountIndex(0) MountedDirectory cached) throws Exception {
        // Declared without sshfs options: the guest's sshfs, not the spec, shows the cache is on.
        Assertions.assertThat(sshfsOptions(cached)).doesNotContain("cache=no");
        Files.writeString(cached.host("cached.txt"), "soon gone\n");
        // The guest sees (and caches) the file; the delete then stays hidden at least 3 s, and the latency the
        // matrix reports is the delete's: how long the cache hid it.
        assertThat(cached).showsHostStateInGuest("cached.txt", Duration.ofSeconds(30))
                .showsInGuestOnlyAfter(HostChange.delete("cached.txt"), Duration.ofSeconds(3), Duration.ofSeconds(60));
    }

    @Test
    @Behaviour(id = "sshfs-no-cache-delete", title = "sshfs cache off: a host delete shows within 2 s")
    void withTheCacheOffAHostDeleteShowsAtOnce(@MountIndex(1) MountedDirectory uncached) throws Exception {
        Assertions.assertThat(sshfsOptions(uncached)).contains("cache=no");
        Files.writeString(uncached.host("uncached.txt"), "soon gone\n");
        assertThat(uncached).showsHostStateInGuest("uncached.txt", Duration.ofSeconds(5))
                .showsInGuest(HostChange.delete("uncached.txt"), Duration.ofSeconds(2));
    }

    @Test
    @Behaviour(id = "sshfs-no-cache-append", title = "sshfs cache off: a host append shows within 2 s")
    void withTheCacheOffAHostAppendShowsAtOnce(@MountIndex(1) MountedDirectory uncached) throws Exception {
        Files.writeString(uncached.host("growing.log"), "one\n");
        assertThat(uncached).showsHostStateInGuest("growing.log", Duration.ofSeconds(5))
                .showsInGuest(HostChange.append("growing.log", "two\n"), Duration.ofSeconds(2));
    }

    @Test
    @Behaviour(id = "sshfs-symlink-kept", title = "sshfs default: a host symlink shows as a symlink")
    void symlinksAreShownAsLinksByDefault(@MountIndex(0) MountedDirectory plain) throws Exception {
        Assertions.assertThat(sshfsOptions(plain)).doesNotContain("follow_symlinks");
        Files.writeString(plain.host("target.txt"), "the target\n");
        Files.createSymbolicLink(plain.host("link.txt"), Path.of("target.txt"));
        assertThat(plain).doesNotFollowSymlink("link.txt", Duration.ofSeconds(30));
    }

    @Test
    @Behaviour(id = "sshfs-follow-symlinks", title = "sshfs followSymlinks: a host symlink shows as its target")
    void followSymlinksResolvesLinksOnTheHost(@MountIndex(2) MountedDirectory following) throws Exception {
        Assertions.assertThat(sshfsOptions(following)).contains("follow_symlinks");
        Files.writeString(following.host("target.txt"), "the target\n");
        Files.createSymbolicLink(following.host("link.txt"), Path.of("target.txt"));
        assertThat(following).followsSymlink("link.txt", Duration.ofSeconds(30));
    }

    /**
     * The {@code -o} options of the guest's sshfs process that serves this mount (read from its /proc/PID/cmdline),
     * e.g. {@code [slave, allow_other, cache=no]}: what Lima and the qemu engine really started, not the spec.
     */
    private static List<String> sshfsOptions(MountedDirectory dir) {
        // One argument a line; the process whose arguments name sshfs and this mount point (Lima may start it
        // through sudo).
        String script = "for p in /proc/[0-9]*; do"
                + " a=$(tr '\\0' '\\n' < \"$p/cmdline\" 2>/dev/null) || continue;"
                + " printf '%s\\n' \"$a\" | grep -q 'sshfs$' || continue;"
                + " printf '%s\\n' \"$a\" | grep -qxF -- \"$1\" && printf '%s\\n' \"$a\" && exit 0;"
                + " done; exit 1";
        List<String> args = dir.shell().execChecked("sh", "-c", script, "sshfs-args", dir.guestPath().value())
                .stdoutText().lines().toList();
        List<String> options = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals("-o")) {
                options.addAll(List.of(args.get(i + 1).split(",")));
            }
        }
        return options;
    }
}
