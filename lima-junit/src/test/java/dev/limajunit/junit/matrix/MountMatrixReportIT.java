package dev.limajunit.junit.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.report.Cell;
import dev.limajunit.core.report.MatrixJson;
import dev.limajunit.core.report.Measurements;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.core.report.RunInfo;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Two real 9p VMs: the matrix gets the mount type from the VM the test ran against, the latency the test measured,
 * the engine and the guest's kernel ({@code uname -r} in the guest), and each cell what produced it (the engine, and
 * with mountInotify on the qemu engine its emulated host agent). Skipped when no engine can boot a VM here.
 */
class MountMatrixReportIT {

    @TempDir
    Path reportDir;

    @Test
    void aRealRunFillsTheMatrixFromTheVm() {
        List<String> containerProblems = new CopyOnWriteArrayList<>();
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .addTestExecutionListeners(new MountMatrixListener(), new TestExecutionListener() {
                            @Override
                            public void executionSkipped(TestIdentifier id, String reason) {
                                containerProblems.add(id.getDisplayName() + " skipped: " + reason);
                            }
                        })
                        .build())
                .execute(LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(NinePGuest.class), selectClass(NinePInotifyGuest.class))
                        .configurationParameter(MountMatrixListener.REPORT_DIR, reportDir.toString())
                        .build());
        Assumptions.assumeTrue(containerProblems.isEmpty(), () -> "no VM here: " + containerProblems);

        MountMatrix matrix = MatrixJson.read(reportDir.resolve("mount-matrix.json"));
        assertThat(matrix.columns()).containsExactly(MountType.NINEP);

        Cell visible = matrix.cell("host-change-visible", MountType.NINEP).orElseThrow();
        assertThat(visible.outcome()).as("%s", visible).isEqualTo(Outcome.PASS);
        assertThat(visible.latencies().count()).isEqualTo(1);
        assertThat(visible.tests()).singleElement().asString().contains("NinePGuest").contains("hostWriteShows");
        assertThat(visible.provenances()).as("what produced it").containsExactly("qemu");

        Cell forwarded = matrix.cell("host-change-forwarded", MountType.NINEP).orElseThrow();
        assertThat(forwarded.outcome()).as("%s", forwarded).isEqualTo(Outcome.PASS);
        assertThat(forwarded.provenances()).as("mountInotify under the qemu engine is our emulation of Lima's")
                .containsExactly("qemu, emulated host agent");

        Cell limited = matrix.cell("fixture-known-failure", MountType.NINEP).orElseThrow();
        assertThat(limited.outcome()).as("%s", limited).isEqualTo(Outcome.KNOWN_LIMITATION);
        assertThat(limited.reason().orElseThrow()).startsWith("fixture: /proc/version is not writable")
                .contains("observed:");

        RunInfo run = matrix.runs().get(0);
        assertThat(run.engines()).containsExactly("qemu");
        assertThat(run.guestKernels()).singleElement().asString().matches("\\d+\\.\\d+.*");
        assertThat(run.virtiofsd()).as("a 9p run starts no virtiofsd").isEmpty();
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = @dev.limajunit.junit.Mount(writable = true), shared = false)
    static class NinePGuest {

        @Behaviour(id = "host-change-visible", title = "host change is visible in the guest")
        @org.junit.jupiter.api.Test
        void hostWriteShows(MountedDirectory mount, GuestShell shell) throws Exception {
            long start = System.nanoTime();
            Files.writeString(mount.host("new.txt"), "from the host");
            // the guest polls for the file itself, so the wait costs no round trips
            ExecResult seen = shell.execShell("for i in $(seq 200); do [ -f '" + mount.guest("new.txt")
                    + "' ] && exit 0; sleep 0.05; done; exit 1");
            Measurements.record("host change visible in guest", Duration.ofNanos(System.nanoTime() - start));
            assertThat(seen.exitCode()).as("guest saw the host's new file within 10 s").isZero();
        }

        @Behaviour(id = "fixture-known-failure", title = "a fixture that fails as declared")
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "fixture: /proc/version is not writable")
        @org.junit.jupiter.api.Test
        void failsAsDeclared(GuestShell shell) {
            ExecResult write = shell.execShell("echo x > /proc/version");
            assertThat(write.exitCode()).as("write to a read-only file: %s", write.stderrText()).isZero();
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mountInotify = true,
            mounts = @dev.limajunit.junit.Mount(writable = true), shared = false)
    static class NinePInotifyGuest {

        @Behaviour(id = "host-change-forwarded", title = "a host change is forwarded to the guest")
        @org.junit.jupiter.api.Test
        void hostWriteIsForwarded(MountedDirectory mount, GuestShell shell) throws Exception {
            Files.writeString(mount.host("forwarded.txt"), "from the host");
            ExecResult seen = shell.execShell("for i in $(seq 200); do [ -f '" + mount.guest("forwarded.txt")
                    + "' ] && exit 0; sleep 0.05; done; exit 1");
            assertThat(seen.exitCode()).as("guest saw the host's new file within 10 s").isZero();
        }
    }
}
