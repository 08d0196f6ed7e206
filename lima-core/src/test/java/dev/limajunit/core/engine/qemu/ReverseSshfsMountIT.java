package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.shell.ExecResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * reverse-sshfs (host {@code sftp-server} cross-wired with the guest's {@code sshfs -o slave}). A read-only mount is
 * read-only twice: sshfs mounts with {@code -o ro} (the guest kernel answers EROFS) and sftp-server runs with
 * {@code -R} (it would refuse the write itself). Symlinks: without {@code followSymlinks} the guest sees the link
 * and resolves its target on the guest side; with it, sshfs asks the host to resolve it.
 */
class ReverseSshfsMountIT extends AbstractMountTypeIT {

    private Path linksDir;
    private Path outsideDir;

    @Override
    MountType mountType() {
        return MountType.REVERSE_SSHFS;
    }

    @Override
    List<ResolvedMount> extraMounts(int firstIndex) throws IOException {
        linksDir = Files.createTempDirectory("lima-junit-links");
        outsideDir = Files.createTempDirectory("lima-junit-outside");
        Files.writeString(linksDir.resolve("target.txt"), "inside\n");
        Files.writeString(outsideDir.resolve("secret.txt"), "outside\n");
        Files.createSymbolicLink(linksDir.resolve("relative-link"), Path.of("target.txt"));
        Files.createSymbolicLink(linksDir.resolve("absolute-link"), outsideDir.resolve("secret.txt"));
        return List.of(
                QemuTestVm.mount(firstIndex, linksDir, "/mnt/nofollow", false, true, false),
                QemuTestVm.mount(firstIndex + 1, linksDir, "/mnt/follow", false, true, true));
    }

    @Override
    List<Path> temporaryDirectories() {
        List<Path> dirs = new ArrayList<>(super.temporaryDirectories());
        dirs.add(linksDir);
        dirs.add(outsideDir);
        return dirs;
    }

    @Test
    void withoutFollowSymlinksTheGuestSeesTheLinkAndResolvesItItself() {
        ExecResult result = instance.shell().execChecked("sh", "-c",
                "test -L /mnt/nofollow/relative-link && readlink /mnt/nofollow/relative-link"
                        + " && cat /mnt/nofollow/relative-link");
        ExecResult absolute = instance.shell().exec("cat", "/mnt/nofollow/absolute-link");

        assertThat(result.stdoutText()).isEqualTo("target.txt\ninside\n");
        assertThat(absolute.exitCode()).as("a host-absolute target does not exist in the guest").isNotZero();
    }

    @Test
    void withFollowSymlinksTheHostResolvesTheLink() {
        ExecResult isLink = instance.shell().exec("test", "-L", "/mnt/follow/relative-link");
        ExecResult cat = instance.shell().execChecked("cat", "/mnt/follow/relative-link", "/mnt/follow/absolute-link");

        assertThat(isLink.exitCode()).as("test -L on a followed link").isEqualTo(1);
        assertThat(cat.stdoutText()).isEqualTo("inside\noutside\n");
    }

    @Test
    void mountsAsFuseSshfs() {
        String mounts = instance.shell().execChecked("cat", "/proc/mounts").stdoutText();

        assertThat(mounts).contains(" /mnt/rw fuse.sshfs rw").contains(" /mnt/ro fuse.sshfs ro");
    }
}
