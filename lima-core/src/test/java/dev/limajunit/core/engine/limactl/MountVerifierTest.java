package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /proc/mounts lines as a Lima guest shows them (9p with its hex cache code, virtiofs by tag, sshfs slave). */
class MountVerifierTest {

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
        MountTable table = MountTable.parse(GUEST_MOUNTS);
        assertThat(table.at("/mnt/with space")).hasValueSatisfying(e -> assertThat(e.fsType()).isEqualTo("virtiofs"));
        assertThat(table.at("/home/me/src")).hasValueSatisfying(e -> assertThat(e.source()).startsWith("lima-"));
    }

    @Test
    void mountsOfTheRightTypeAreFine() {
        ContractFixture f = new ContractFixture(tmp);
        MountTable table = MountTable.parse(GUEST_MOUNTS);
        assertThat(MountVerifier.problems(table, MountType.NINEP, java.util.List.of(f.mount(0, "/home/me/src", true))))
                .isEmpty();
        assertThat(MountVerifier.problems(table, MountType.REVERSE_SSHFS,
                java.util.List.of(f.mount(0, "/Users/me/proj", false)))).isEmpty();
    }

    @Test
    void aMissingMountAndAWrongTypeAreNamed() {
        ContractFixture f = new ContractFixture(tmp);
        MountTable table = MountTable.parse(GUEST_MOUNTS);

        var problems = MountVerifier.problems(table, MountType.NINEP,
                java.util.List.of(f.mount(0, "/home/me/src", true), f.mount(1, "/mnt/missing", false),
                        f.mount(2, "/Users/me/proj", false)));

        assertThat(problems).containsExactly(
                "mounts[1] (" + tmp.resolve("src1") + ") is not mounted: nothing is mounted at /mnt/missing in the guest"
                        + " (expected 9p)",
                "mounts[2] (" + tmp.resolve("src2") + ") is not mounted as 9p: /proc/mounts shows fuse.sshfs"
                        + " (:/Users/me/proj) at /Users/me/proj, expected 9p");
    }

    @Test
    void theLastMountAtAPathIsTheVisibleOne() {
        MountTable table = MountTable.parse("a /x 9p rw 0 0\nb /x tmpfs rw 0 0\n");
        assertThat(table.at("/x")).hasValueSatisfying(e -> assertThat(e.fsType()).isEqualTo("tmpfs"));
    }
}
