package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assumptions.abort;

import dev.limajunit.core.config.LimaVersion;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.host.Accelerator;
import dev.limajunit.core.host.AcceleratorCheck;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.OperatingSystem;
import dev.limajunit.core.host.Tool;
import dev.limajunit.core.host.Virtiofsd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {

    private static final HostFacts CI_LIKE = HostFacts.builder()
            .os(OperatingSystem.LINUX, "6.1.0-28-amd64")
            .effectiveUid(0)
            .qemuSystem(Tool.at("/usr/bin/qemu-system-x86_64", "QEMU emulator version 7.2.22"))
            .accelerators(List.of(
                    AcceleratorCheck.fails(Accelerator.KVM, "/dev/kvm exists, but the vCPU stalled"),
                    AcceleratorCheck.works(Accelerator.TCG, "booted in 120 ms")))
            .virtiofsd(new Virtiofsd(Path.of("/usr/local/lib/lima-junit/virtiofsd-1.14.0/bin/virtiofsd"),
                    Virtiofsd.Kind.RUST, "virtiofsd 1.14.0"))
            .sshfs(Tool.at("/usr/bin/sshfs"))
            .sftpServer(Tool.at("/usr/lib/openssh/sftp-server"))
            .build();

    private static CliRun doctor(HostFacts facts) {
        return doctor(facts, Path.of("/nonexistent/lima-junit-cache"));
    }

    private static CliRun doctor(HostFacts facts, Path cache) {
        return CliRun.of(List.of(new DoctorCommand(() -> facts, cache)), "doctor");
    }

    @Test
    void tellsEnginesAccelerationAndHelpers() {
        CliRun run = doctor(CI_LIKE);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("limactl       not found on PATH")
                .contains("qemu          /usr/bin/qemu-system-x86_64 (QEMU emulator version 7.2.22), usable with tcg")
                .contains("kvm           unusable: /dev/kvm exists, but the vCPU stalled")
                .contains("tcg           works: booted in 120 ms")
                .contains("the qemu engine uses tcg")
                .contains("virtiofsd     /usr/local/lib/lima-junit/virtiofsd-1.14.0/bin/virtiofsd (the Rust virtiofsd, "
                        + "virtiofsd 1.14.0)");
    }

    @Test
    void tellsWhatTheKitCacheHoldsAndHowMuchRoomIsLeft(@TempDir Path cache) throws Exception {
        assertThat(DoctorCommand.describeCache(cache.resolve("not-yet")))
                .startsWith(cache.resolve("not-yet") + ": empty (the first qemu boot builds a kernel and a kit")
                .containsPattern(", [0-9]+ [MG]iB free");

        Files.createDirectories(cache.resolve("kernels/linux-image-6.1.0-56-amd64_6.1.192-2"));
        Files.createDirectories(cache.resolve("kits/00a608fdeb18be97"));
        Files.createDirectories(cache.resolve("kits/cbc4f9b85413546c"));
        Files.createDirectories(cache.resolve("kits/.building-x-123")); // a build in progress is no kit
        Files.writeString(cache.resolve("kernels/debian-resolved"), "linux-image-6.1.0-56-amd64 6.1.192-2");

        assertThat(doctor(CI_LIKE, cache).out()).contains("kit cache     " + cache + ": 1 kernel(s), 2 kit(s), ")
                .doesNotContain("boot snapshot");

        Files.createDirectories(cache.resolve("snapshots/3f1c0d9e8a7b6c5d"));
        Files.createDirectories(cache.resolve("snapshots/.building-y-7")); // a snapshot being made is none yet

        assertThat(DoctorCommand.describeCache(cache)).startsWith(cache + ": 1 kernel(s), 2 kit(s), 1 boot snapshot(s) "
                + "(a few hundred MB each; delete " + cache.resolve("snapshots") + " to free them, they are made again "
                + "when needed), ");
    }

    @Test
    void warnsWhenTheKitCacheHasNoRoomForAFirstBuild(@TempDir Path dir) throws Exception {
        Path small = Files.createDirectory(dir.resolve("small"));
        try {
            new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=16m", "lima-junit-doctor-test", small.toString())
                    .inheritIO().start().waitFor();
        } catch (IOException e) {
            abort("cannot run mount: " + e);
        }
        assumeThat(Files.getFileStore(small).name()).as("a 16 MiB tmpfs mounted (needs root)")
                .isEqualTo("lima-junit-doctor-test");
        try {
            assertThat(DoctorCommand.describeCache(small)).contains(": empty (").contains(", 16 MiB free; LOW: a first "
                    + "build needs about 90 MB there, move the cache with -Dlima.cacheDir or LIMA_JUNIT_CACHE");
        } finally {
            new ProcessBuilder("umount", small.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void theTableHasEveryMountTypeAndVmTypeWithWhy() {
        String out = doctor(CI_LIKE).out();

        for (MountType m : MountType.values()) {
            for (VmType v : VmType.values()) {
                assertThat(out).containsPattern("(?m)^  " + m + " +" + v + " +(yes|no) +\\S");
            }
        }
        assertThat(out).containsPattern("(?m)^  virtiofs +qemu +yes +the Rust virtiofsd /usr/local/lib/lima-junit/")
                .containsPattern("(?m)^  9p +vz +no +9p is QEMU's virtio-9p-pci: only vmType qemu")
                .containsPattern("(?m)^  wsl2 +wsl2 +no +vmType wsl2 needs Windows 10 build 19041")
                .containsPattern("(?m)^  reverse-sshfs +vz +no +vmType vz exists only on macOS");
    }

    @Test
    void theCVirtiofsdIsRunOnlyWhenNamedAndOnlyAsRoot() {
        Path c = Path.of("/usr/lib/qemu/virtiofsd");
        HostFacts found = CI_LIKE.toBuilder().virtiofsd(new Virtiofsd(c, Virtiofsd.Kind.QEMU_C, "7.2.22")).build();
        HostFacts named = CI_LIKE.toBuilder().virtiofsd(new Virtiofsd(c, Virtiofsd.Kind.QEMU_C, "7.2.22", true))
                .build();

        assertThat(doctor(found).out())
                .contains("virtiofsd     /usr/lib/qemu/virtiofsd (QEMU's C virtiofsd, 7.2.22)")
                .containsPattern("(?m)^  virtiofs +qemu +no +only QEMU's C virtiofsd /usr/lib/qemu/virtiofsd was "
                        + "found: the qemu engine runs the Rust virtiofsd, as Lima does; install it "
                        + "\\(bin/install-virtiofsd\\)");
        assertThat(doctor(named).out())
                .contains("virtiofsd     /usr/lib/qemu/virtiofsd (QEMU's C virtiofsd, 7.2.22, named by lima.virtiofsd)")
                .containsPattern("(?m)^  virtiofs +qemu +yes +QEMU's C virtiofsd .*named by lima.virtiofsd and run "
                        + "as root");
        assertThat(doctor(named.toBuilder().effectiveUid(1000).build()).out())
                .containsPattern("(?m)^  virtiofs +qemu +no +QEMU's C virtiofsd /usr/lib/qemu/virtiofsd \\(named by "
                        + "lima.virtiofsd\\) needs root, and this runs as euid 1000; install the Rust virtiofsd");
    }

    @Test
    void aBadHostSettingIsNamedNotThrown() {
        CliRun run = CliRun.of(List.of(new DoctorCommand(() -> {
            throw new IllegalArgumentException("lima.virtiofsd \"/nope\" is not an executable file");
        }, Path.of("/nonexistent"))), "doctor");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("lima-junit doctor: lima.virtiofsd \"/nope\" is not an executable file\n");
    }

    @Test
    void exitsOneWhenNoEngineCanRun() {
        HostFacts nothing = HostFacts.builder().os(OperatingSystem.LINUX, "6.1.0").build();

        CliRun run = doctor(nothing);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("no qemu-system-x86_64 on PATH", "no QEMU, nothing to probe");
    }

    @Test
    void limactlAsRootIsFoundButRefused() {
        HostFacts withLima = CI_LIKE.toBuilder()
                .limactl(Tool.at("/usr/local/bin/limactl", "limactl version 2.2.0"), LimaVersion.of(2, 2)).build();

        assertThat(doctor(withLima).out()).contains("/usr/local/bin/limactl (Lima 2.2.0), but limactl refuses to run "
                + "as root");
    }

    @Test
    void takesNoArguments() {
        assertThat(CliRun.of(List.of(new DoctorCommand(() -> CI_LIKE, Path.of("/nonexistent/lima-junit-cache"))),
                "doctor", "extra").exitCode())
                .isEqualTo(Main.USAGE);
    }
}
