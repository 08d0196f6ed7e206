package dev.limajunit.core.config;

import dev.limajunit.core.host.Accelerator;
import dev.limajunit.core.host.AcceleratorCheck;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.OperatingSystem;
import dev.limajunit.core.host.Tool;
import dev.limajunit.core.host.Virtiofsd;
import java.nio.file.Path;
import java.util.List;

/** Hand-written host facts for rule tests: each names the one thing that differs. */
final class TestHosts {

    static final Virtiofsd C_VIRTIOFSD = new Virtiofsd(Path.of("/usr/lib/qemu/virtiofsd"), Virtiofsd.Kind.QEMU_C,
            "virtiofsd version 7.2.22");
    /** QEMU's C one as {@code lima.virtiofsd} names it. */
    static final Virtiofsd C_VIRTIOFSD_NAMED = new Virtiofsd(C_VIRTIOFSD.path(), Virtiofsd.Kind.QEMU_C,
            C_VIRTIOFSD.version(), true);
    static final Virtiofsd RUST_VIRTIOFSD = new Virtiofsd(
            Path.of("/usr/local/lib/lima-junit/virtiofsd-1.14.0/bin/virtiofsd"), Virtiofsd.Kind.RUST,
            "virtiofsd 1.14.0");

    private TestHosts() {
    }

    /** Linux as root with QEMU (TCG), the Rust virtiofsd, sshfs and sftp-server: like the CI machines. */
    static HostFacts linuxRoot(Path home) {
        return HostFacts.builder()
                .os(OperatingSystem.LINUX, "6.1.0-28-amd64")
                .effectiveUid(0)
                .home(home)
                .qemuSystem(Tool.at("/usr/bin/qemu-system-x86_64", "QEMU emulator version 7.2.22"))
                .accelerators(List.of(AcceleratorCheck.fails(Accelerator.KVM, "stalled"),
                        AcceleratorCheck.works(Accelerator.TCG, "booted")))
                .virtiofsd(RUST_VIRTIOFSD)
                .sshfs(Tool.at("/usr/bin/sshfs"))
                .sftpServer(Tool.at("/usr/lib/openssh/sftp-server"))
                .build();
    }

    static HostFacts linuxUser(Path home) {
        return linuxRoot(home).toBuilder().effectiveUid(1000).build();
    }

    static HostFacts macOs(String version, Path home) {
        return HostFacts.builder()
                .os(OperatingSystem.MACOS, version)
                .arch("aarch64")
                .effectiveUid(501)
                .home(home)
                .limactl(Tool.at("/opt/homebrew/bin/limactl", "limactl version 2.2.0"), LimaVersion.of(2, 2))
                .qemuSystem(Tool.at("/opt/homebrew/bin/qemu-system-aarch64"))
                .accelerators(List.of(AcceleratorCheck.works(Accelerator.HVF, "booted")))
                .sftpServer(Tool.at("/usr/libexec/sftp-server"))
                .build();
    }

    static HostFacts windows(int build, Path home) {
        return HostFacts.builder()
                .os(OperatingSystem.WINDOWS, "10.0." + build)
                .effectiveUid(-1)
                .home(home)
                .limactl(Tool.at("C:/lima/limactl.exe"), LimaVersion.of(2, 2))
                .build();
    }
}
