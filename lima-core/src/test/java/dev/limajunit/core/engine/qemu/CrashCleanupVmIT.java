package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.assertj.core.api.Assumptions.assumeThatCode;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.process.ChildJvm;
import dev.limajunit.core.process.MarkedProcess;
import dev.limajunit.core.process.MarkedProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test JVM killed with SIGKILL while three real VMs run (9p, virtiofs, reverse-sshfs: so QEMU, virtiofsd and the
 * openssh sftp-server all run): within 10 s nothing of that run remains, and its directory with the per-run SSH keys
 * is gone.
 */
class CrashCleanupVmIT {

    @TempDir
    Path tmp;

    @Test
    void nothingOfAKilledRunWithThreeVmsRemainsAfterTenSeconds() throws Exception {
        assumeThat(QemuEngine.create().unavailableReason()).as("qemu engine availability").isEmpty();
        assumeThatCode(() -> VirtiofsdBinary.forThisHost(null)).as("a virtiofsd this user may run")
                .doesNotThrowAnyException();
        assumeThat(MarkedProcesses.supported()).as("a readable /proc").isTrue();
        double factor = Double.parseDouble(System.getProperty("lima.startTimeoutFactor", "1"));
        Duration boot = Duration.ofSeconds(Math.round(240 * factor));

        try (ChildJvm run = ChildJvm.start(VmRunMain.class, List.of("-Djava.io.tmpdir=" + tmp),
                List.of("9p", "virtiofs", "reverse-sshfs"), boot)) {
            List<String> commands = MarkedProcesses.ofSession(run.session()).stream().map(MarkedProcess::command)
                    .toList();
            assertThat(commands).as("the run's processes before the kill")
                    .filteredOn(c -> c.contains("qemu-system")).hasSize(3);
            assertThat(commands).anyMatch(c -> c.contains("virtiofsd")).anyMatch(c -> c.contains("sftp-server"));
            Path sessionDir = tmp.resolve("lima-junit-" + run.session());
            assertThat(sessionDir).isDirectory();

            long killed = System.nanoTime();
            run.kill();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(MarkedProcesses.ofSession(run.session())).isEmpty());
            long cleanMillis = (System.nanoTime() - killed) / 1_000_000;
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sessionDir).doesNotExist());
            System.out.printf("3 VMs: %d processes ended %d ms after SIGKILL%n", commands.size(), cleanMillis);
        }
    }
}
