package dev.limajunit.core.mount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.shell.GuestPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The path helpers hand out paths inside the mount only: no absolute path, no {@code ..} above it, no symlink out. */
class MountedDirectoryTest {

    @TempDir
    Path tmp;

    private MountedDirectory mount;

    @BeforeEach
    void mount() throws IOException {
        Path location = Files.createDirectories(tmp.resolve("location"));
        Files.createDirectories(location.resolve("sub"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.createSymbolicLink(location.resolve("dir-out"), outside);
        Files.createSymbolicLink(location.resolve("sub/file-out"), Path.of("../../outside/x"));
        Files.createSymbolicLink(location.resolve("dir-in"), location.resolve("sub"));
        ResolvedMount resolved = new ResolvedMount(0, location, "/mnt/src", true,
                new ResolvedMount.Sshfs(true, false, SftpDriver.BUILTIN),
                new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 131072, NinePCache.MMAP), 0);
        mount = new MountedDirectory(resolved, MountType.NINEP, location, GuestPath.of("/mnt/src"), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside/x", "sub/../../outside", "..", "/etc/passwd", "dir-out", "dir-out/x",
            "dir-out/new/deeper", "sub/file-out"})
    void theHostHelperRejectsEveryEscape(String escape) {
        assertThatThrownBy(() -> mount.host(escape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + escape + "\" escapes the mount " + tmp.resolve("location"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "..", "/etc/passwd"})
    void theGuestHelperRejectsEveryEscape(String escape) {
        assertThatThrownBy(() -> mount.guest(escape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(escape);
    }

    @Test
    void pathsInsideAreResolved() {
        assertThat(mount.host("sub/new.txt")).isEqualTo(tmp.resolve("location/sub/new.txt"));
        assertThat(mount.host("a/../b")).isEqualTo(tmp.resolve("location/b"));
        assertThat(mount.host("dir-in/x")).as("a symlink that stays inside")
                .isEqualTo(tmp.resolve("location/dir-in/x"));
        assertThat(mount.host("")).isEqualTo(tmp.resolve("location"));
        assertThat(mount.guest("sub/new.txt").value()).isEqualTo("/mnt/src/sub/new.txt");
    }
}
