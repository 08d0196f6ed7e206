package dev.limajunit.junit.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.limajunit.core.cli.Main;
import dev.limajunit.core.cli.Subcommands;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.Cell;
import dev.limajunit.core.report.MatrixJson;
import dev.limajunit.core.report.Measurement;
import dev.limajunit.core.report.Measurements;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.Outcome;
import dev.limajunit.core.report.RunInfo;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaVm;
import dev.limajunit.junit.MountTypeSource;
import dev.limajunit.junit.internal.LimaKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs small {@link Behaviour} test classes through a real JUnit launcher with {@link MountMatrixListener} and reads
 * the matrix it writes. The fixtures use {@link MountTypeSource} without VM parameters, so the mount type is known
 * from the invocation and nothing boots; they still need an engine that could run here (else no invocation at all,
 * and the tests here are skipped with that reason).
 */
class MountMatrixListenerTest {

    @TempDir
    Path reportDir;

    @Test
    void writesOneCellPerBehaviourAndMountTypeWithItsOutcome() {
        run(Outcomes.class, "9p,reverse-sshfs");

        MountMatrix matrix = MatrixJson.read(reportDir.resolve("mount-matrix.json"));
        assertThat(reportDir.resolve("mount-matrix.md")).exists();
        assertThat(reportDir.resolve("mount-matrix.html")).exists();
        assertThat(matrix.columns()).containsExactly(MountType.REVERSE_SSHFS, MountType.NINEP);
        assertThat(matrix.rows()).extracting(dev.limajunit.core.report.Behaviour::id)
                .containsExactly("assumed", "broken", "fails", "fixed", "limited", "passes");

        Cell passes = cell(matrix, "passes", MountType.NINEP);
        assertThat(passes.outcome()).isEqualTo(Outcome.PASS);
        assertThat(passes.observations().get(0).measurements()).containsExactly(new Measurement("visible", 12));
        assertThat(passes.tests()).singleElement().asString().contains("Outcomes").contains("passes");
        assertThat(matrix.rows().get(5).title()).isEqualTo("a host change shows in the guest");

        assertThat(cell(matrix, "fails", MountType.NINEP).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(cell(matrix, "fails", MountType.NINEP).reason()).get().asString()
                .isEqualTo("guest still sees the old content after 5000 ms");

        // declared for 9p only: a known limitation there, a plain failure on reverse-sshfs
        assertThat(cell(matrix, "limited", MountType.NINEP).outcome()).isEqualTo(Outcome.KNOWN_LIMITATION);
        assertThat(cell(matrix, "limited", MountType.NINEP).reason().orElseThrow())
                .startsWith("nested files get no events").contains("observed: no ATTRIB event");
        assertThat(cell(matrix, "limited", MountType.REVERSE_SSHFS).outcome()).isEqualTo(Outcome.FAIL);
        // declared for 9p, but failed otherwise than declared: a failure, not the limitation
        assertThat(cell(matrix, "broken", MountType.NINEP).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(cell(matrix, "broken", MountType.NINEP).reason()).get().asString()
                .isEqualTo("guest command failed with exit code 1: ls /mnt");

        assertThat(cell(matrix, "fixed", MountType.NINEP).outcome()).isEqualTo(Outcome.UNEXPECTED_PASS);
        assertThat(cell(matrix, "fixed", MountType.NINEP).reason()).get().asString()
                .contains("known limitation no longer holds on 9p");

        assertThat(cell(matrix, "assumed", MountType.NINEP).outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(cell(matrix, "assumed", MountType.NINEP).reason()).get().asString()
                .isEqualTo("Assumption failed: needs a case-insensitive host");

        RunInfo run = matrix.runs().get(0);
        assertThat(run.mountTypes()).isEqualTo("9p,reverse-sshfs");
        assertThat(run.id()).endsWith("-9p,reverse-sshfs");
        assertThat(run.host().kernel()).isNotBlank();
        assertThat(run.junit()).startsWith("Jupiter ");
    }

    @Test
    void typesLeftOutByTheSelectionAreNotInTheMatrix() {
        run(Outcomes.class, "9p");
        MountMatrix matrix = MatrixJson.read(reportDir.resolve("mount-matrix.json"));
        assertThat(matrix.columns()).containsExactly(MountType.NINEP);
        assertThat(matrix.runs().get(0).mountTypes()).isEqualTo("9p");
    }

    @Test
    void twoRunsWithDifferentMountTypesMergeIntoOneMatrix() {
        Path nineP = reportDir.resolve("job-9p");
        Path sshfs = reportDir.resolve("job-sshfs");
        run(Outcomes.class, "9p", nineP);
        run(Outcomes.class, "reverse-sshfs", sshfs);
        Path merged = reportDir.resolve("merged");

        int status = new Main(Subcommands.all()).run(new String[] {"matrix", "merge",
                nineP.resolve("mount-matrix.json").toString(), sshfs.resolve("mount-matrix.json").toString(),
                "-o", merged.toString()}, System.out, System.err);

        assertThat(status).isZero();
        MountMatrix matrix = MatrixJson.read(merged.resolve("mount-matrix.json"));
        assertThat(matrix.columns()).containsExactly(MountType.REVERSE_SSHFS, MountType.NINEP);
        assertThat(matrix.runs()).extracting(RunInfo::mountTypes).containsExactly("9p", "reverse-sshfs");
        assertThat(cell(matrix, "limited", MountType.NINEP).outcome()).isEqualTo(Outcome.KNOWN_LIMITATION);
        assertThat(cell(matrix, "limited", MountType.REVERSE_SSHFS).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(merged.resolve("mount-matrix.md")).content().contains("| Behaviour | reverse-sshfs | 9p |");
    }

    @Test
    void aMountTypeThisHostCannotRunIsASkippedCellWithTheReason() {
        run(Unrunnable.class, "all");
        MountMatrix matrix = MatrixJson.read(reportDir.resolve("mount-matrix.json"));
        Cell wsl2 = cell(matrix, "unrunnable", MountType.WSL2);
        assertThat(wsl2.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(wsl2.reason()).get().asString().isNotBlank().doesNotContain("lima.mountTypes");
    }

    @Test
    void aLimaVmClassThisHostCannotRunIsASkippedCellOfItsMountType() {
        Assumptions.assumeFalse(System.getProperty("os.name").startsWith("Windows"), "wsl2 runs on Windows");
        run(UnrunnableField.class, "all");
        MountMatrix matrix = MatrixJson.read(reportDir.resolve("mount-matrix.json"));
        Cell wsl2 = cell(matrix, "unrunnable-field", MountType.WSL2);
        assertThat(wsl2.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(wsl2.reason()).get().asString().startsWith("LimaVm in " + UnrunnableField.class.getName() + ".vm:");
    }

    @Test
    void aClassThatFailsBeforeItsTestsRunFailsItsBehaviours() {
        run(BadSpec.class, "all");
        MountMatrix matrix = MatrixJson.read(reportDir.resolve("mount-matrix.json"));
        Cell cell = cell(matrix, "never-ran", MountType.NINEP);
        assertThat(cell.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(cell.reason()).get().asString().contains("memory");
        assertThat(cell.tests()).singleElement().asString().endsWith("BadSpec › neverRan()");
    }

    @Test
    void aRunWithoutBehaviourTestsWritesNothing() {
        run(NoBehaviour.class, "9p");
        assertThat(reportDir.resolve("mount-matrix.json")).doesNotExist();
    }

    private static Cell cell(MountMatrix matrix, String id, MountType type) {
        return matrix.cell(id, type).orElseThrow(() -> new AssertionError("no cell " + id + " on " + type));
    }

    /** Runs the fixture; skips the calling test when no engine can run here (no mount type gets an invocation). */
    private void run(Class<?> fixture, String mountTypes) {
        run(fixture, mountTypes, reportDir);
    }

    private void run(Class<?> fixture, String mountTypes, Path dir) {
        List<String> noEngine = new CopyOnWriteArrayList<>();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .addTestExecutionListeners(new MountMatrixListener(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        result.getThrowable().map(Throwable::getMessage)
                                .filter(m -> m != null && m.startsWith("no engine can run here"))
                                .ifPresent(noEngine::add);
                    }
                })
                .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(fixture))
                .configurationParameter(MountMatrixListener.REPORT_DIR, dir.toString())
                .configurationParameter(LimaKeys.MOUNT_TYPES, mountTypes)
                // the fixture's own selection; the build's lima.require (a system property in CI) is not its concern
                .configurationParameter(LimaKeys.REQUIRE, "")
                .build());
        Assumptions.assumeTrue(noEngine.isEmpty(), () -> "@MountTypeSource gives no invocation here: "
                + noEngine.get(0));
    }

    static class Outcomes {

        @Behaviour(id = "passes", title = "a host change shows in the guest")
        @ParameterizedTest
        @MountTypeSource({MountType.NINEP})
        void passes(MountType type) {
            Measurements.record("visible", Duration.ofMillis(12));
        }

        @Behaviour(id = "fails")
        @ParameterizedTest
        @MountTypeSource({MountType.NINEP})
        void fails(MountType type) {
            throw new AssertionError("guest still sees the old content after 5000 ms");
        }

        @Behaviour(id = "limited")
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "nested files get no events")
        @ParameterizedTest
        @MountTypeSource({MountType.NINEP, MountType.REVERSE_SSHFS})
        void limited(MountType type) {
            throw new AssertionError("no ATTRIB event within 2000 ms");
        }

        @Behaviour(id = "broken")
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "nested files get no events")
        @ParameterizedTest
        @MountTypeSource({MountType.NINEP})
        void broken(MountType type) {
            throw new IllegalStateException("guest command failed with exit code 1: ls /mnt");
        }

        @Behaviour(id = "fixed")
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "was broken once")
        @ParameterizedTest
        @MountTypeSource({MountType.NINEP})
        void fixed(MountType type) {
        }

        @Behaviour(id = "assumed")
        @ParameterizedTest
        @MountTypeSource({MountType.NINEP})
        void assumed(MountType type) {
            Assumptions.assumeTrue(false, "needs a case-insensitive host");
        }
    }

    static class Unrunnable {

        @Behaviour(id = "unrunnable")
        @ParameterizedTest
        @MountTypeSource({MountType.WSL2})
        void onWsl2(MountType type) {
        }
    }

    static class UnrunnableField {
        @org.junit.jupiter.api.extension.RegisterExtension
        static final LimaVm vm = LimaVm.builder().vmType(dev.limajunit.core.config.VmType.WSL2)
                .mountType(MountType.WSL2)
                .build();

        @Behaviour(id = "unrunnable-field")
        @Test
        void onWsl2() {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, memory = "lots")
    static class BadSpec {

        @Behaviour(id = "never-ran")
        @Test
        void neverRan() {
        }
    }

    static class NoBehaviour {

        @ParameterizedTest
        @MountTypeSource({MountType.NINEP})
        void plain(MountType type) {
        }
    }
}
