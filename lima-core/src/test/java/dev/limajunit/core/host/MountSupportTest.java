package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.LimaVersion;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's support rules, each decided by one injected fact. */
class MountSupportTest {

    private static final Virtiofsd C_VIRTIOFSD =
            new Virtiofsd(Path.of("/usr/lib/qemu/virtiofsd"), Virtiofsd.Kind.QEMU_C, "virtiofsd version 7.2.22");
    private static final Virtiofsd RUST_VIRTIOFSD =
            new Virtiofsd(Path.of("/usr/libexec/virtiofsd"), Virtiofsd.Kind.RUST, "virtiofsd 1.10.1");

    private static HostFacts linux(int uid, Virtiofsd virtiofsd) {
        return HostFacts.builder()
                .os(OperatingSystem.LINUX, "6.1.0")
                .effectiveUid(uid)
                .qemuSystem(Tool.at("/usr/bin/qemu-system-x86_64"))
                .accelerators(List.of(AcceleratorCheck.works(Accelerator.TCG, "booted")))
                .virtiofsd(virtiofsd)
                .sshfs(Tool.at("/usr/bin/sshfs"))
                .sftpServer(Tool.at("/usr/lib/openssh/sftp-server"))
                .build();
    }

    private static HostFacts mac(String version) {
        return HostFacts.builder().os(OperatingSystem.MACOS, version).arch("aarch64").effectiveUid(501)
                .limactl(Tool.at("/opt/homebrew/bin/limactl"), LimaVersion.of(2, 2))
                .qemuSystem(Tool.at("/opt/homebrew/bin/qemu-system-aarch64"))
                .build();
    }

    private static HostFacts windows(int build) {
        return HostFacts.builder().os(OperatingSystem.WINDOWS, "10.0." + build).effectiveUid(-1)
                .limactl(Tool.at("C:/lima/limactl.exe"), LimaVersion.of(2, 2)).build();
    }

    @Test
    void virtiofsWithVzNeedsMacOs13() {
        Support on12 = new MountSupport(mac("12.7.1")).supports(MountType.VIRTIOFS, VmType.VZ);
        Support on13 = new MountSupport(mac("13.0")).supports(MountType.VIRTIOFS, VmType.VZ);

        assertThat(on12.supported()).isFalse();
        assertThat(on12.reason()).contains("needs macOS 13 or later", "macOS 12.7.1");
        assertThat(on13.supported()).isTrue();
    }

    @ParameterizedTest(name = "Windows build {0}: {1}")
    @CsvSource({"19040, false", "19041, true", "22631, true"})
    void wsl2NeedsWindowsBuild19041(int build, boolean supported) {
        Support s = new MountSupport(windows(build)).supports(MountType.WSL2, VmType.WSL2);

        assertThat(s.supported()).isEqualTo(supported);
        if (!supported) {
            assertThat(s.reason()).contains("Windows 10 build 19041 or later, or Windows 11", "build " + build);
        }
    }

    @Test
    void wsl2MountsOnlyWithVmTypeWsl2() {
        Support s = new MountSupport(windows(22631)).supports(MountType.WSL2, VmType.QEMU);

        assertThat(s.supported()).isFalse();
        assertThat(s.reason()).contains("only with vmType wsl2");
        assertThat(new MountSupport(windows(22631)).supports(MountType.REVERSE_SSHFS, VmType.WSL2).reason())
                .contains("only with mountType wsl2");
    }

    @Test
    void aKernelWithout9pCannotMount9p() {
        HostFacts facts = linux(0, RUST_VIRTIOFSD).withGuestKernel(GuestKernelFacts.all().withNineP(false));

        Support s = new MountSupport(facts).supports(MountType.NINEP, VmType.QEMU);

        assertThat(s.supported()).isFalse();
        assertThat(s.reason()).contains("guest kernel has no 9p");
        assertThat(new MountSupport(facts).supports(MountType.VIRTIOFS, VmType.QEMU).supported()).isTrue();
    }

    @Test
    void ninePIsQemuOnly() {
        Support s = new MountSupport(mac("14.2")).supports(MountType.NINEP, VmType.VZ);

        assertThat(s.supported()).isFalse();
        assertThat(s.reason()).isEqualTo("9p is QEMU's virtio-9p-pci: only vmType qemu (not vz)");
        assertThat(new MountSupport(linux(1000, null)).supports(MountType.NINEP, VmType.QEMU).supported()).isTrue();
    }

    @Test
    void virtiofsOnQemuNeedsAVirtiofsd() {
        Support s = new MountSupport(linux(0, null)).supports(MountType.VIRTIOFS, VmType.QEMU);

        assertThat(s.supported()).isFalse();
        assertThat(s.reason()).contains("no virtiofsd found");
    }

    @Test
    void qemusCVirtiofsdRunsOnlyWhenNamedAndOnlyAsRoot() {
        Virtiofsd named = new Virtiofsd(C_VIRTIOFSD.path(), Virtiofsd.Kind.QEMU_C, C_VIRTIOFSD.version(), true);
        Support foundAsRoot = new MountSupport(linux(0, C_VIRTIOFSD)).supports(MountType.VIRTIOFS, VmType.QEMU);
        Support namedAsUser = new MountSupport(linux(1000, named)).supports(MountType.VIRTIOFS, VmType.QEMU);
        Support namedAsRoot = new MountSupport(linux(0, named)).supports(MountType.VIRTIOFS, VmType.QEMU);
        Support rustAsUser = new MountSupport(linux(1000, RUST_VIRTIOFSD)).supports(MountType.VIRTIOFS, VmType.QEMU);

        assertThat(foundAsRoot).isEqualTo(Support.no("only QEMU's C virtiofsd /usr/lib/qemu/virtiofsd was found: the "
                + "qemu engine runs the Rust virtiofsd, as Lima does; install it (bin/install-virtiofsd), or, as root, "
                + "name the C one with lima.virtiofsd=/usr/lib/qemu/virtiofsd"));
        assertThat(namedAsUser).isEqualTo(Support.no("QEMU's C virtiofsd /usr/lib/qemu/virtiofsd (named by "
                + "lima.virtiofsd) needs root, and this runs as euid 1000; install the Rust virtiofsd "
                + "(bin/install-virtiofsd) and unset lima.virtiofsd"));
        assertThat(namedAsRoot.supported()).isTrue();
        assertThat(namedAsRoot.reason()).contains("named by lima.virtiofsd and run as root");
        assertThat(rustAsUser).isEqualTo(Support.yes("the Rust virtiofsd /usr/libexec/virtiofsd"));
    }

    @Test
    void virtiofsOnQemuNeedsQemu42() {
        HostFacts old = linux(0, RUST_VIRTIOFSD).toBuilder()
                .qemuSystem(Tool.at("/usr/bin/qemu-system-x86_64", "QEMU emulator version 4.1.1")).build();
        HostFacts recent = linux(0, RUST_VIRTIOFSD).toBuilder()
                .qemuSystem(Tool.at("/usr/bin/qemu-system-x86_64", "QEMU emulator version 4.2.0")).build();

        assertThat(new MountSupport(old).supports(MountType.VIRTIOFS, VmType.QEMU))
                .isEqualTo(Support.no("virtiofs needs QEMU 4.2.0 or later; this host has QEMU emulator version 4.1.1"));
        assertThat(new MountSupport(recent).supports(MountType.VIRTIOFS, VmType.QEMU).supported()).isTrue();
    }

    @Test
    void vzOnlyOnMacOs() {
        Support s = new MountSupport(linux(0, C_VIRTIOFSD)).supports(VmType.VZ);

        assertThat(s.supported()).isFalse();
        assertThat(s.reason()).contains("only on macOS", "this host runs Linux");
        assertThat(new MountSupport(mac("13.0")).supports(VmType.VZ).supported()).isTrue();
    }

    @Test
    void reverseSshfsNeedsSshfsForTheGuestAndNamesItsSftpServer() {
        HostFacts noSshfs = linux(0, null).toBuilder().sshfs(null).build();
        HostFacts noSftpServer = linux(0, null).toBuilder().sftpServer(null).build();
        HostFacts noFuse = linux(0, null).withGuestKernel(GuestKernelFacts.UNKNOWN.withFuse(false));

        assertThat(new MountSupport(noSshfs).supports(MountType.REVERSE_SSHFS, VmType.QEMU))
                .isEqualTo(Support.no("no sshfs binary to put into the guest (install sshfs)"));
        assertThat(new MountSupport(noSftpServer).supports(MountType.REVERSE_SSHFS, VmType.QEMU).reason())
                .contains("builtin SFTP server");
        assertThat(new MountSupport(noFuse).supports(MountType.REVERSE_SSHFS, VmType.QEMU).reason())
                .contains("no FUSE");
        assertThat(new MountSupport(linux(0, null)).supports(MountType.REVERSE_SSHFS, VmType.QEMU).reason())
                .contains("/usr/lib/openssh/sftp-server");
    }

    @Test
    void qemuNeedsItsBinary() {
        HostFacts noQemu = linux(0, null).toBuilder().qemuSystem(null).build();

        assertThat(new MountSupport(noQemu).supports(MountType.NINEP, VmType.QEMU))
                .isEqualTo(Support.no("no qemu-system-x86_64 found on PATH (install QEMU)"));
    }

    @Test
    void versionsComeFromTheRightPlaces() {
        assertThat(windows(22631).windowsBuild()).isEqualTo(22631);
        assertThat(mac("13.4.1").isMacOsAtLeast(13, 4)).isTrue();
        assertThat(mac("13.4.1").isMacOsAtLeast(13, 5)).isFalse();
        assertThat(mac("26.1").isMacOsAtLeast(13, 0)).isTrue();
        assertThat(linux(0, null).isMacOsAtLeast(1, 0)).isFalse();
    }
}
