package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.engine.qemu.QemuEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lima-junit run} boots a real guest, runs the command, passes its output and exit code on. */
class RunCommandIT {

    @Test
    void aGuestWriteLandsOnTheHostAndTheExitCodeIsPassedOn(@TempDir Path dir) throws IOException {
        assumeThat(QemuEngine.create().unavailableReason()).as("qemu engine availability").isEmpty();

        CliRun run = CliRun.of(List.of(new RunCommand()), "run", "--mount-type=9p", "--mount=" + dir + ":/mnt/x:rw",
                "--", "sh", "-c", "echo hi > /mnt/x/f; echo out; echo err >&2; exit 3");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).isEqualTo("out\n");
        assertThat(run.err()).contains("err\n").contains("lima-junit: booted in").contains("ssh")
                .contains("mount[0]");
        assertThat(dir.resolve("f")).hasContent("hi");
    }
}
