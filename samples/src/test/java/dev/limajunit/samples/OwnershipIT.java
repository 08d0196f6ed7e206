package dev.limajunit.samples;

import static dev.limajunit.assertions.BoundaryAssertions.assertThatGuestCreated;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ownership and permissions across the boundary (lima-vm/lima#231: chown/chmod EPERM). Each test names the guest
 * identity that acted ({@code id -u}), so it holds whether the guest shell is root or Lima's unprivileged user; the
 * host side is read with {@code unix:} attributes. Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class OwnershipIT {

    /** A uid no account on either side has: nothing maps it by accident. */
    static final int STRANGER = 4321;

    @BeforeEach
    void anOpenDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("owners"));
        Files.setPosixFilePermissions(dir.host("owners"), PosixFilePermissions.fromString("rwxrwxrwx"));
        // The unprivileged tests must pass the mount's root, a 0700 temporary directory. Opened from the guest, as
        // root: on 9p a host chmod would not let them in (host-chmod-mount-root below).
        dir.shell().execChecked(Command.of("chmod", "755", dir.guestPath().value()).asUser("root"));
    }

    @Test
    @Behaviour(id = "guest-file-host-owner", title = "a file the guest shell creates is owned by its uid on the host")
    void aFileTheGuestShellCreatesIsOwnedByItsUidOnTheHost(MountedDirectory dir) {
        // The guest shell's own identity, root or Lima's user: the assert reads it with id -u as it creates the file.
        assertThatGuestCreated(dir, "owners/by-shell.txt").isOwnedOnHostByItsCreator();
    }

    @Test
    @Behaviour(id = "guest-user-file-host-owner", title = "a file an unprivileged guest user creates is owned by "
            + "that uid on the host")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "to be owned on the host by uid 65534",
            reason = "sshfs creates every file through the one SFTP session of the host account that serves it: the "
                    + "guest user's uid is lost")
    void aFileAnUnprivilegedGuestUserCreatesIsOwnedByThatUidOnTheHost(MountedDirectory dir) {
        // nobody (65534) exists in every guest; it acts through sudo or su whatever the shell's own identity.
        assertThatGuestCreated(dir, "owners/by-nobody.txt").asUser("nobody").isOwnedOnHostBy(65534);
    }

    @Test
    @Behaviour(id = "guest-chmod-visible", title = "a guest chmod shows on the host")
    void aGuestChmodShowsOnTheHost(MountedDirectory dir) throws Exception {
        Path file = dir.host("owners/chmod.txt");
        Files.writeString(file, "mode\n");
        dir.shell().execChecked("chmod", "640", dir.guest("owners/chmod.txt").value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("host mode after chmod 640 in the guest").isEqualTo("rw-r-----");
    }

    @Test
    @Behaviour(id = "guest-root-chown-visible", title = "a chown by guest root shows on the host")
    void aChownByGuestRootShowsOnTheHost(MountedDirectory dir) throws Exception {
        Path file = dir.host("owners/chown.txt");
        Files.writeString(file, "owner\n");
        String guest = dir.guest("owners/chown.txt").value();
        Command chown = Command.of("sh", "-c", "id -u; chown " + STRANGER + ":" + STRANGER + " \"$1\" 2>&1; echo $?",
                "chown", guest).asUser("root");
        String[] out = dir.shell().execChecked(chown).stdoutText().strip().split("\n");
        assertThat(out[0]).as("the identity that ran chown").isEqualTo("0");
        assertThat(String.join("\n", out)).as("chown %d in the guest", STRANGER).endsWith("\n0");
        assertThat(Files.getAttribute(file, "unix:uid")).as("host owner after the guest's chown").isEqualTo(STRANGER);
    }

    @Test
    @Behaviour(id = "host-chmod-mount-root", title = "after a host chmod opens the mount's root, an unprivileged guest "
            + "user can enter it")
    @KnownLimitation(mountTypes = NINEP, messageContains = "nobody listing owners/", reason = "the 9p client checks "
            + "access to its root with the mode it cached: a host chmod shows in stat but does not open the root")
    void afterAHostChmodOpensTheMountsRootAGuestUserCanEnterIt(MountedDirectory dir) throws Exception {
        // The guest closes the root as root (so its own view is 0700), then the host opens it again.
        dir.shell().execChecked(Command.of("chmod", "700", dir.guestPath().value()).asUser("root"));
        Files.setPosixFilePermissions(dir.hostPath(), PosixFilePermissions.fromString("rwxr-xr-x"));
        await("nobody entering the mount's root")
                .pollInSameThread().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    ExecResult ls = dir.shell().exec(Command.of("ls", dir.guest("owners").value()).asUser("nobody"));
                    assertThat(ls.exitCode()).as("nobody listing owners/ after the host's chmod 755 of the root: %s",
                            ls.stderrText().strip()).isZero();
                });
    }

    @Test
    @Behaviour(id = "host-other-uid-in-guest", title = "a host file of another uid shows that uid in the guest")
    void aHostFileOfAnotherUidShowsThatUidInTheGuest(MountedDirectory dir) throws Exception {
        Path file = dir.host("owners/stranger.txt");
        Files.writeString(file, "someone else's\n");
        Files.setAttribute(file, "unix:uid", STRANGER);
        Files.setAttribute(file, "unix:gid", STRANGER);
        String seen = dir.shell().execChecked("stat", "-c", "%u:%g", dir.guest("owners/stranger.txt").value())
                .stdoutText().strip();
        assertThat(seen).as("guest owner of a host file owned by %d:%d", STRANGER, STRANGER)
                .isEqualTo(STRANGER + ":" + STRANGER);
    }
}
