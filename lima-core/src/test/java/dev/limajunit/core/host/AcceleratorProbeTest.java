package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boots real probe guests with this host's QEMU. */
class AcceleratorProbeTest {

    private static final Path QEMU = Path.of("/usr/bin/qemu-system-x86_64");

    @Test
    void tcgRunsAGuest() {
        assumeTrue(Files.isExecutable(QEMU), "needs " + QEMU + " (Debian package qemu-system-x86)");

        AcceleratorCheck check = new AcceleratorProbe().probe(QEMU, Accelerator.TCG, "x86_64");

        assertThat(check.works()).as(check.toString()).isTrue();
        assertThat(check.detail()).contains("BIOS ran to its boot attempt");
    }

    @Test
    void anAcceleratorQemuDoesNotKnowIsUnusableWithQemusWords() {
        assumeTrue(Files.isExecutable(QEMU), "needs " + QEMU + " (Debian package qemu-system-x86)");

        AcceleratorCheck check = new AcceleratorProbe().probe(QEMU, Accelerator.HVF, "x86_64");

        assertThat(check.works()).isFalse();
        assertThat(check.detail()).startsWith("QEMU exited with 1").contains("hvf");
    }

    @Test
    void everyCandidateIsTriedAndTcgComesLast() {
        assumeTrue(Files.isExecutable(QEMU), "needs " + QEMU + " (Debian package qemu-system-x86)");

        List<AcceleratorCheck> checks = new AcceleratorProbe(Duration.ofSeconds(3))
                .probe(QEMU, OperatingSystem.LINUX, "x86_64");

        assertThat(checks).extracting(AcceleratorCheck::accelerator).containsExactly(Accelerator.KVM, Accelerator.TCG);
        assertThat(checks.get(1).works()).isTrue();
        if (!Files.exists(Path.of("/dev/kvm"))) {
            assertThat(checks.get(0)).isEqualTo(AcceleratorCheck.fails(Accelerator.KVM, "no /dev/kvm on this host"));
        }
    }

    @Test
    void aMissingQemuIsUnusableNotACrash() {
        AcceleratorCheck check = new AcceleratorProbe().probe(Path.of("/nonexistent/qemu"), Accelerator.TCG, "x86_64");

        assertThat(check.works()).isFalse();
        assertThat(check.detail()).startsWith("QEMU did not start");
    }
}
