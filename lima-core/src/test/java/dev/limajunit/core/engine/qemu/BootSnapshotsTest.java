package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.engine.GuestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootSnapshotsTest {

    @TempDir
    Path dir;
    private QemuMachine machine;

    @BeforeEach
    void aMachine() throws IOException {
        machine = new QemuMachine(Files.writeString(dir.resolve("qemu"), "qemu"), "tcg", 2, 1L << 30,
                Files.writeString(dir.resolve("vmlinux"), "kernel"),
                Files.writeString(dir.resolve("initramfs"), "init"),
                new GuestLogin("ssh-ed25519 AAAA one", GuestUser.root()));
    }

    @Test
    void theKeyIsStableAndIgnoresTheInstancesOwnKey() {
        SnapshotShape shape = new SnapshotShape(1);
        assertThat(BootSnapshots.key(machine, shape)).hasSize(16)
                .isEqualTo(BootSnapshots.key(machine.withLogin(new GuestLogin("ssh-ed25519 BBBB two",
                        GuestUser.root())), shape));
    }

    @Test
    void anythingTheRestoreMustMatchMakesAnotherSnapshot() throws IOException {
        SnapshotShape shape = new SnapshotShape(1);
        String key = BootSnapshots.key(machine, shape);
        assertThat(BootSnapshots.key(machine, new SnapshotShape(2))).isNotEqualTo(key);
        assertThat(BootSnapshots.key(new QemuMachine(machine.qemu(), "tcg", 2, 2L << 30, machine.kernel(),
                machine.initramfs(), machine.login()), shape)).isNotEqualTo(key);
        assertThat(BootSnapshots.key(machine.withLogin(new GuestLogin("ssh-ed25519 AAAA one",
                GuestUser.limaUserFor("alice", 501, 20))), shape)).isNotEqualTo(key);
        Files.writeString(machine.kernel(), "another kernel");
        assertThat(BootSnapshots.key(machine, shape)).isNotEqualTo(key);
    }

    @Test
    void placeholderTagsHaveTheLengthOfRealTags() {
        // the tag's length sizes the 9p device's PCI region: a restore with a longer tag fails to load
        assertThat(MountTag.placeholder(0)).hasSameSizeAs(MountTag.of("/Users/alice", "/Users/alice"))
                .isNotEqualTo(MountTag.placeholder(1));
    }

    @Test
    void ninePMountsGetOnePlaceholderDeviceEach() {
        assertThat(new SnapshotShape(2).placeholderDevices(Path.of("/e")))
                .containsExactly("-virtfs", "local,mount_tag=lima-0000000000000000,path=/e,security_model=none",
                        "-virtfs", "local,mount_tag=lima-0000000000000001,path=/e,security_model=none");
        assertThat(new SnapshotShape(0).placeholderDevices(Path.of("/e"))).isEmpty();
    }
}
