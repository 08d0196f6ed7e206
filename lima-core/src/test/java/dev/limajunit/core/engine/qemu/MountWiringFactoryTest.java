package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.engine.GuestUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link MountWiringFactory} makes for each mount type, and how it refuses what it cannot wire. */
class MountWiringFactoryTest {

    @TempDir
    Path dir;

    @Test
    void aMissingLocationIsCreatedAsLimaDoes() {
        Path missing = dir.resolve("not/yet");

        List<MountWiring> wirings = factory(Map.of()).create(MountType.NINEP, List.of(mount(missing,
                SftpDriver.BUILTIN)));

        assertThat(missing).isDirectory();
        assertThat(wirings).singleElement().isInstanceOf(NinePMount.class);
        assertThat(wirings.get(0).helperLog()).isEmpty();
    }

    @Test
    void aFileIsNoLocation() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThatThrownBy(() -> factory(Map.of()).create(MountType.NINEP, List.of(mount(file, SftpDriver.BUILTIN))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mounts[0] (" + file + "): location " + file + " is not a directory on the host");
    }

    @Test
    void reverseSshfsMountsKeepTheirSshfsLogInTheInstanceDirectory() {
        List<MountWiring> wirings = factory(Map.of(SftpDriver.BUILTIN, new BuiltinSftpServer()))
                .create(MountType.REVERSE_SSHFS, List.of(mount(dir, SftpDriver.BUILTIN)));

        assertThat(wirings).singleElement().isInstanceOf(ReverseSshfsMount.class);
        assertThat(wirings.get(0).helperLog()).contains(dir.resolve("instance/sshfs-0.log"));
    }

    @Test
    void aMissingSftpServerIsNamedWithThePackageToInstall() {
        assertThatThrownBy(() -> factory(Map.of()).create(MountType.REVERSE_SSHFS,
                List.of(mount(dir, SftpDriver.OPENSSH_SFTP_SERVER))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mounts[0] (" + dir + "): sshfs.sftpDriver \"openssh-sftp-server\" is not available in "
                        + "the qemu engine (no sftp-server binary: install the Debian package openssh-sftp-server)");
    }

    @Test
    void wsl2IsNotWiredHere() {
        assertThatThrownBy(() -> factory(Map.of()).create(MountType.WSL2, List.of(mount(dir, SftpDriver.BUILTIN))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("mountType wsl2 is not supported by the qemu engine");
    }

    private MountWiringFactory factory(Map<SftpDriver, SftpServerFactory> servers) {
        return new MountWiringFactory(new QemuSettings(null, null, null, servers, null, null, GuestUser.root(),
                false), dir.resolve("instance"));
    }

    private static ResolvedMount mount(Path location, SftpDriver driver) {
        return new ResolvedMount(0, location, "/mnt/src", true, new ResolvedMount.Sshfs(true, false, driver),
                new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 131072, NinePCache.MMAP), 0);
    }
}
