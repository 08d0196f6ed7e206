package dev.limajunit.core.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /proc/mounts lines as a Lima guest shows them (9p with its hex cache code, virtiofs by tag, sshfs slave). */
class GuestMountCheckTest {

    private static final String GUEST_MOUNTS = String.join("\n",
            "/dev/vda1 / ext4 rw,relatime,discard,errors=remount-ro 0 0",
            "lima-5b8c3a1f0e2d4c6b /home/me/src 9p rw,relatime,cache=5,access=client,msize=131072,trans=virtio 0 0",
            "lima-0123456789abcdef /mnt/with\\040space virtiofs rw,relatime 0 0",
            ":/Users/me/proj /Users/me/proj fuse.sshfs rw,nosuid,nodev,relatime,user_id=501,group_id=1000 0 0",
            "");

    @TempDir
    Path tmp;

    @Test
    void unescapesOctalPaths() {
        GuestMountTable table = GuestMountTable.parse(GUEST_MOUNTS);
        assertThat(table.at("/mnt/with space")).hasValueSatisfying(e -> assertThat(e.fsType()).isEqualTo("virtiofs"));
        assertThat(table.at("/home/me/src")).hasValueSatisfying(e -> assertThat(e.source()).startsWith("lima-"));
    }

    @Test
    void mountsOfTheRightTypeAreFine() {
        GuestMountTable table = GuestMountTable.parse(GUEST_MOUNTS);
        assertThat(GuestMountCheck.problems(table, MountType.NINEP, List.of(mount(0, "/home/me/src", true))))
                .isEmpty();
        assertThat(GuestMountCheck.problems(table, MountType.REVERSE_SSHFS,
                List.of(mount(0, "/Users/me/proj", false)))).isEmpty();
    }

    @Test
    void aMissingMountAndAWrongTypeAreNamed() {
        GuestMountTable table = GuestMountTable.parse(GUEST_MOUNTS);

        var problems = GuestMountCheck.problems(table, MountType.NINEP,
                List.of(mount(0, "/home/me/src", true), mount(1, "/mnt/missing", false),
                        mount(2, "/Users/me/proj", false)));

        assertThat(problems).containsExactly(
                "mounts[1] (" + tmp.resolve("src1") + ") is not mounted: nothing is mounted at /mnt/missing in the"
                        + " guest (expected 9p)",
                "mounts[2] (" + tmp.resolve("src2") + ") is not mounted as 9p: /proc/mounts shows fuse.sshfs"
                        + " (:/Users/me/proj) at /Users/me/proj, expected 9p");
    }

    @Test
    void escapesAsProcMountsDoes() {
        assertThat(GuestMountTable.escape("/mnt/a b\\c")).isEqualTo("/mnt/a\\040b\\134c");
        String line = "src " + GuestMountTable.escape("/mnt/a b\\c") + " 9p rw 0 0";
        assertThat(GuestMountTable.parse(line).at("/mnt/a b\\c")).isPresent();
    }

    @Test
    void aHiddenMountOfTheTypeStillCounts() {
        GuestMountTable table = GuestMountTable.parse("a /x 9p rw 0 0\nb /x tmpfs rw 0 0\n");
        assertThat(table.has("/x", "9p")).isTrue();
        assertThat(table.has("/x", "virtiofs")).isFalse();
        assertThat(table.has("/y", "9p")).isFalse();
    }

    @Test
    void theLastMountAtAPathIsTheVisibleOne() {
        GuestMountTable table = GuestMountTable.parse("a /x 9p rw 0 0\nb /x tmpfs rw 0 0\n");
        assertThat(table.at("/x")).hasValueSatisfying(e -> assertThat(e.fsType()).isEqualTo("tmpfs"));
    }

    private ResolvedMount mount(int index, String mountPoint, boolean writable) {
        try {
            Path location = Files.createDirectories(tmp.resolve("src" + index));
            return new ResolvedMount(index, location, mountPoint, writable,
                    new ResolvedMount.Sshfs(true, false, SftpDriver.OPENSSH_SFTP_SERVER),
                    new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 128 * 1024,
                            writable ? NinePCache.MMAP : NinePCache.FSCACHE),
                    0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
