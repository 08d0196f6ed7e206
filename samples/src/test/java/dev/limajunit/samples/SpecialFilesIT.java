package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.assertions.probe.FsProbe;
import dev.limajunit.assertions.probe.ProbeSession;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Special files in a mount: a unix socket (lima-vm/lima#1824), a FIFO, hard links (libfuse/sshfs#107: separate
 * inodes, link count 1) and extended attributes (lima-vm/lima#831: EOPNOTSUPP), each looked at from both sides.
 * Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class SpecialFilesIT {

    /** The file type bits of {@code st_mode}. */
    static final int S_IFMT = 0170000;
    static final int S_IFSOCK = 0140000;
    static final int S_IFIFO = 0010000;

    static final String HARD_LINKS = "sshfs shows every name as its own inode with link count 1, though the host "
            + "holds one inode with two names (libfuse/sshfs#107)";

    @BeforeEach
    void aDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("special"));
    }

    @Test
    @Behaviour(id = "guest-unix-socket", title = "a unix socket bound in the guest serves guest clients and shows on "
            + "the host")
    @KnownLimitation(mountTypes = NINEP, messageContains = "err ENXIO: bind", reason = "QEMU's 9p server with "
            + "securityModel none makes no special files: bind fails with ENXIO (lima-vm/lima#1824)")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "err EPERM: bind", reason = "SFTP cannot make a "
            + "socket node: bind fails with EPERM (lima-vm/lima#648)")
    void aUnixSocketBoundInTheGuestServesGuestClients(MountedDirectory dir) throws Exception {
        String socket = dir.guest("special/app.sock").value();
        try (ProbeSession server = FsProbe.startInGuest(dir.shell(), "serve", socket)) {
            assertThat(server.started()).as("bind and listen on %s in the guest", socket).isEqualTo("ok listening");
            assertThat(FsProbe.guest(dir.shell(), "connect", socket, "ping")).as("a guest client's echo")
                    .isEqualTo("ok PING");
            assertThat(fileType(dir.host("special/app.sock"))).as("file type on the host").isEqualTo(S_IFSOCK);
        }
    }

    @Test
    @Behaviour(id = "guest-fifo", title = "a FIFO made in the guest is a FIFO on the host")
    @KnownLimitation(mountTypes = NINEP, messageContains = "No such device or address", reason = "QEMU's 9p server "
            + "with securityModel none makes no special files: mkfifo fails with ENXIO")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "Operation not permitted", reason = "SFTP cannot "
            + "make a FIFO: mkfifo fails with EPERM")
    void aFifoMadeInTheGuestIsAFifoOnTheHost(MountedDirectory dir) throws Exception {
        ExecResult mkfifo = dir.shell().exec("mkfifo", dir.guest("special/pipe").value());
        assertThat(mkfifo.exitCode()).as("mkfifo in the guest: %s", mkfifo.stderrText().strip()).isZero();
        assertThat(fileType(dir.host("special/pipe"))).as("file type on the host").isEqualTo(S_IFIFO);
    }

    @Test
    @Behaviour(id = "guest-hard-link", title = "a guest hard link: one inode, link count 2, on both sides")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "guest: link counts", reason = HARD_LINKS)
    void aGuestHardLinkIsOneInodeOnBothSides(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("special/guest-original.txt"), "linked\n");
        dir.shell().execChecked("ln", dir.guest("special/guest-original.txt").value(),
                dir.guest("special/guest-link.txt").value());
        assertThat(hostLinks(dir, "special/guest-original.txt", "special/guest-link.txt"))
                .as("host: inode and link count of both names").matches("(\\d+) 2\n\\1 2");
        assertOneInodeInTheGuest(dir, "special/guest-original.txt", "special/guest-link.txt");
    }

    @Test
    @Behaviour(id = "host-hard-link", title = "a host hard link: one inode, link count 2, in the guest")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "guest: link counts", reason = HARD_LINKS)
    void aHostHardLinkIsOneInodeInTheGuest(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("special/host-original.txt"), "linked\n");
        Files.createLink(dir.host("special/host-link.txt"), dir.host("special/host-original.txt"));
        assertThat(hostLinks(dir, "special/host-original.txt", "special/host-link.txt"))
                .as("host: inode and link count of both names").matches("(\\d+) 2\n\\1 2");
        assertOneInodeInTheGuest(dir, "special/host-original.txt", "special/host-link.txt");
    }

    @Test
    @Behaviour(id = "guest-xattr-on-host", title = "a user xattr set in the guest reads back on the host")
    @KnownLimitation(mountTypes = VIRTIOFS, messageContains = "err EOPNOTSUPP: setxattr", reason = "virtiofsd runs "
            + "without --xattr (its default): the guest's xattr calls get EOPNOTSUPP (lima-vm/lima#831)")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "err EOPNOTSUPP: setxattr", reason = "SFTP has no "
            + "xattr requests: the guest's xattr calls get EOPNOTSUPP")
    void aUserXattrSetInTheGuestReadsBackOnTheHost(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("special/guest-xattr.txt"), "tagged\n");
        assertThat(FsProbe.guest(dir.shell(), "setxattr", dir.guest("special/guest-xattr.txt").value(),
                "user.lima.origin", "guest")).as("setxattr user.lima.origin in the guest").isEqualTo("ok set");
        assertThat(hostXattr(dir.host("special/guest-xattr.txt"), "lima.origin")).as("user.lima.origin on the host")
                .isEqualTo("guest");
    }

    @Test
    @Behaviour(id = "host-xattr-in-guest", title = "a user xattr set on the host reads back in the guest")
    @KnownLimitation(mountTypes = VIRTIOFS, messageContains = "err EOPNOTSUPP: getxattr", reason = "virtiofsd runs "
            + "without --xattr (its default): the guest's xattr calls get EOPNOTSUPP (lima-vm/lima#831)")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "err EOPNOTSUPP: getxattr", reason = "SFTP has no "
            + "xattr requests: the guest's xattr calls get EOPNOTSUPP")
    void aUserXattrSetOnTheHostReadsBackInTheGuest(MountedDirectory dir) throws Exception {
        Path file = dir.host("special/host-xattr.txt");
        Files.writeString(file, "tagged\n");
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                .write("lima.origin", StandardCharsets.UTF_8.encode("host"));
        assertThat(FsProbe.guest(dir.shell(), "getxattr", dir.guest("special/host-xattr.txt").value(),
                "user.lima.origin")).as("getxattr user.lima.origin in the guest").isEqualTo("ok host");
    }

    private static int fileType(Path path) throws Exception {
        return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
    }

    /** Link counts first, then inodes: the failure names which the guest got wrong. */
    private static void assertOneInodeInTheGuest(MountedDirectory dir, String first, String second) {
        String[] seen = dir.shell().execChecked("stat", "-c", "%h %i", dir.guest(first).value(),
                dir.guest(second).value()).stdoutText().strip().split("\\s+");
        assertThat(List.of(seen[0], seen[2])).as("guest: link counts of %s and %s", first, second)
                .containsExactly("2", "2");
        assertThat(seen[1]).as("guest: inode of %s against %s's", second, first).isEqualTo(seen[3]);
    }

    private static String hostLinks(MountedDirectory dir, String first, String second) throws Exception {
        return Files.getAttribute(dir.host(first), "unix:ino") + " " + Files.getAttribute(dir.host(first), "unix:nlink")
                + "\n" + Files.getAttribute(dir.host(second), "unix:ino") + " "
                + Files.getAttribute(dir.host(second), "unix:nlink");
    }

    private static String hostXattr(Path file, String name) throws Exception {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
        view.read(name, buffer);
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }
}
