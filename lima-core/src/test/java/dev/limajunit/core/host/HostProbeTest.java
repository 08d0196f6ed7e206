package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Probes this very host and checks the facts against what the OS says by other means. */
class HostProbeTest {

    private static final HostFacts FACTS = new HostProbe().withoutAccelerators().probe();

    @Test
    void knowsTheOsArchAndHome() {
        assertThat(FACTS.os()).isEqualTo(OperatingSystem.current());
        assertThat(FACTS.arch()).isIn("x86_64", "aarch64", System.getProperty("os.arch"));
        assertThat(FACTS.home()).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(FACTS.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(FACTS.memoryBytes()).isGreaterThan(Runtime.getRuntime().maxMemory() / 4);
    }

    @Test
    void theEffectiveUidIsThatOfThisProcess() throws Exception {
        assumeTrue(FACTS.os() != OperatingSystem.WINDOWS, "Windows has no uid");
        Process id = new ProcessBuilder("id", "-u").start();
        int euid = Integer.parseInt(new String(id.getInputStream().readAllBytes()).strip());

        assertThat(FACTS.effectiveUid()).isEqualTo(euid);
        assertThat(NativeHost.effectiveUidFromLibc()).as("libc geteuid(), the way macOS gets it").contains(euid);
    }

    @Test
    void onLinuxTheEffectiveUidIsTheSecondFieldOfProcStatus(@TempDir Path dir) throws Exception {
        // a setuid program: real uid 1000, effective 0
        Path status = Files.writeString(dir.resolve("status"), "Name:\tsu\nUmask:\t0022\nUid:\t1000\t0\t0\t0\n"
                + "Gid:\t1000\t1000\t1000\t1000\n");

        assertThat(NativeHost.effectiveUidFromProc(status)).contains(0);
        assertThat(NativeHost.effectiveUidFromProc(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void findsTheBinariesThatAreInstalled() {
        assumeTrue(FACTS.os() == OperatingSystem.LINUX, "the Debian paths below are Linux paths");
        if (Files.isExecutable(Path.of("/usr/lib/openssh/sftp-server"))) {
            assertThat(FACTS.sftpServer()).isNotNull();
        }
        if (Files.isExecutable(Path.of("/usr/bin/sshfs"))) {
            assertThat(FACTS.sshfs()).isNotNull();
        }
        if (Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64")) && FACTS.arch().equals("x86_64")) {
            assertThat(FACTS.qemuSystem()).isNotNull();
            assertThat(FACTS.qemuSystem().version()).startsWith("QEMU emulator version");
        }
        if (Files.isExecutable(Path.of("/usr/lib/qemu/virtiofsd")) && FACTS.virtiofsd() != null
                && FACTS.virtiofsd().path().equals(Path.of("/usr/lib/qemu/virtiofsd"))) {
            assertThat(FACTS.virtiofsd().kind()).isEqualTo(Virtiofsd.Kind.QEMU_C);
        }
    }

    @Test
    void theGuestKernelIsUnknownUntilInjected() {
        GuestKernelFacts kernel = GuestKernelFacts.all().withNineP(false);

        HostFacts injected = new HostProbe().withoutAccelerators().withGuestKernel(() -> kernel).probe();

        assertThat(FACTS.guestKernel()).isEqualTo(GuestKernelFacts.UNKNOWN);
        assertThat(injected.guestKernel()).isEqualTo(kernel);
    }

    @Test
    void archIsSpelledAsLimaSpellsIt() {
        assertThat(HostProbe.limaArch("amd64")).isEqualTo("x86_64");
        assertThat(HostProbe.limaArch("arm64")).isEqualTo("aarch64");
        assertThat(HostProbe.limaArch("aarch64")).isEqualTo("aarch64");
    }
}
