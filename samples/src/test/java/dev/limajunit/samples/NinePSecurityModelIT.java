package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.NineP;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.Test;

/**
 * chown by guest root per 9p security model (lima-vm/lima#231): {@code none} (Lima's default) passes it to the host
 * file, {@code mapped-xattr} keeps it in the host file's {@code user.virtfs.*} attributes and leaves the host owner
 * alone. The spec is NinePOptionsIT's, so all share one VM: mount 0 is none, mount 1 mapped-xattr.
 */
@LimaInstance(mountType = NINEP, mounts = {
        @Mount(writable = true),
        @Mount(writable = true, ninep = @NineP(securityModel = "mapped-xattr")),
        @Mount(writable = true, ninep = @NineP(msize = "256KiB", cache = "loose")),
        @Mount(ninep = @NineP(msize = "1MiB")),
        @Mount,
        @Mount(writable = true, ninep = @NineP(protocolVersion = "9p2000.u"))})
class NinePSecurityModelIT {

    static final int STRANGER = 4321;

    @Test
    @Behaviour(id = "9p-security-none-chown", title = "9p securityModel none: a chown by guest root changes the host "
            + "file's owner")
    void withSecurityModelNoneAGuestChownChangesTheHostOwner(@MountIndex(0) MountedDirectory none) throws Exception {
        Path file = chownInGuest(none, "none-chown.txt");
        assertThat(Files.getAttribute(file, "unix:uid")).as("host owner after the guest's chown").isEqualTo(STRANGER);
    }

    @Test
    @Behaviour(id = "9p-mapped-xattr-chown", title = "9p securityModel mapped-xattr: a chown by guest root is kept "
            + "in an xattr, the host owner stays")
    void withMappedXattrAGuestChownIsKeptInAnXattr(@MountIndex(1) MountedDirectory mapped) throws Exception {
        Files.writeString(mapped.host("mapped-chown.txt"), "owner\n");
        Object before = Files.getAttribute(mapped.host("mapped-chown.txt"), "unix:uid");
        Path file = chownInGuest(mapped, "mapped-chown.txt");
        assertThat(Files.getAttribute(file, "unix:uid")).as("host owner after the guest's chown").isEqualTo(before);
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        ByteBuffer uid = ByteBuffer.allocate(view.size("virtfs.uid")).order(ByteOrder.LITTLE_ENDIAN);
        view.read("virtfs.uid", uid);
        assertThat(uid.flip().getInt()).as("user.virtfs.uid on the host").isEqualTo(STRANGER);
    }

    /** Chowns a host file (made here when missing) as guest root and checks the guest's view of it. */
    private static Path chownInGuest(MountedDirectory dir, String name) throws Exception {
        Path file = dir.host(name);
        if (Files.notExists(file)) {
            Files.writeString(file, "owner\n");
        }
        String guest = dir.guest(name).value();
        dir.shell().execChecked(Command.of("chown", STRANGER + ":" + STRANGER, guest).asUser("root"));
        assertThat(dir.shell().execChecked("stat", "-c", "%u:%g", guest).stdoutText().strip())
                .as("guest owner after its chown").isEqualTo(STRANGER + ":" + STRANGER);
        return file;
    }
}
