package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.HOST_CHANGE;
import static dev.limajunit.core.report.SampleMatrices.NESTED_INOTIFY;
import static dev.limajunit.core.report.SampleMatrices.READ_ONLY;
import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.outcome;
import static dev.limajunit.core.report.SampleMatrices.pass;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.CellComparison.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatrixDiffTest {

    private static final Behaviour STALE_CACHE = new Behaviour("sshfs-cache-stale", "sshfs cache hides a delete");

    @Test
    void aMatrixAgreesWithItself() {
        MatrixDiff diff = MatrixDiff.of(ninePJob(), ninePJob());
        assertThat(diff.cells()).extracting(CellComparison::verdict).containsOnly(Verdict.AGREE).hasSize(3);
        assertThat(diff.outcomesDiffer()).isFalse();
        assertThat(diff.summary()).isEqualTo(
                "3 cells: 3 agree, 0 differ in outcome, 0 differ only in latency class, 0 only in A, 0 only in B");
    }

    @Test
    void eachCellGetsTheStrongestDifferenceInMatrixOrder() {
        MountMatrix a = MountMatrix.builder()
                .run(run("qemu-run", null))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#host() [9p]", "qemu-run", 20, 23, 41))
                .add(HOST_CHANGE, MountType.VIRTIOFS, pass("V#host() [virtiofs]", "qemu-run", 30))
                .add(READ_ONLY, MountType.NINEP, outcome(Outcome.KNOWN_LIMITATION, "fscache", "R#w() [9p]", "qemu-run"))
                .add(STALE_CACHE, MountType.REVERSE_SSHFS, pass("S#stale()", "qemu-run", 20_255))
                .build();
        MountMatrix b = MountMatrix.builder()
                .run(run("lima-run", null))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#host() [9p]", "lima-run", 80, 90, 120))
                .add(HOST_CHANGE, MountType.VIRTIOFS, pass("V#host() [virtiofs]", "lima-run", 1_200))
                .add(READ_ONLY, MountType.NINEP, pass("R#w() [9p]", "lima-run"))
                .add(NESTED_INOTIFY, MountType.VIRTIOFS, pass("I#nested() [virtiofs]", "lima-run", 70))
                .build();

        MatrixDiff diff = MatrixDiff.of(a, b);

        assertThat(diff.cells()).extracting(c -> c.behaviour().id() + " " + c.column().yamlName() + ": "
                + c.verdict().label()).containsExactly(
                "host-change-visible 9p: agree",
                "host-change-visible virtiofs: latency class",
                "inotify-nested-files virtiofs: only in B",
                "read-only-refuses-writes 9p: outcome",
                "sshfs-cache-stale reverse-sshfs: only in A");
        assertThat(diff.outcomesDiffer()).isTrue();
        assertThat(diff.summary()).isEqualTo(
                "5 cells: 1 agree, 1 differ in outcome, 1 differ only in latency class, 1 only in A, 1 only in B");
    }

    @Test
    void latencyClassesAndOneSidedCellsAloneAreNoOutcomeDifference() {
        MountMatrix a = MountMatrix.builder().run(run("a", null))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#host() [9p]", "a", 40)).build();
        MountMatrix b = MountMatrix.builder().run(run("b", null))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#host() [9p]", "b", 4_000))
                .add(READ_ONLY, MountType.NINEP, outcome(Outcome.FAIL, "wrote", "R#w() [9p]", "b")).build();
        MatrixDiff diff = MatrixDiff.of(a, b);
        assertThat(diff.cellsWith(Verdict.LATENCY_CLASS)).hasSize(1);
        assertThat(diff.cellsWith(Verdict.ONLY_IN_B)).hasSize(1);
        assertThat(diff.outcomesDiffer()).isFalse();
    }

    @Test
    void aSkipAgainstAPassIsAnOutcomeDifferenceAndMixedCellsCompareTheirWorst() {
        MountMatrix a = MountMatrix.builder().run(run("a", null))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#one() [9p]", "a"))
                .add(HOST_CHANGE, MountType.NINEP, outcome(Outcome.FAIL, "stale", "V#two() [9p]", "a"))
                .add(READ_ONLY, MountType.NINEP, pass("R#w() [9p]", "a")).build();
        MountMatrix b = MountMatrix.builder().run(run("b", null))
                .add(HOST_CHANGE, MountType.NINEP, outcome(Outcome.FAIL, "stale", "V#two() [9p]", "b"))
                .add(READ_ONLY, MountType.NINEP, outcome(Outcome.SKIPPED, "no 9p", "R#w() [9p]", "b")).build();
        assertThat(MatrixDiff.of(a, b).cells()).extracting(CellComparison::verdict)
                .containsExactly(Verdict.AGREE, Verdict.OUTCOME);
    }

    @Test
    void theMarkdownListsHeadersSummaryDifferencesThenAgreeingCells() {
        MountMatrix a = MountMatrix.builder().run(run("qemu-run", "9p"))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#host() [9p]", "qemu-run", 20, 23, 41))
                .add(READ_ONLY, MountType.NINEP, outcome(Outcome.KNOWN_LIMITATION, "fscache | keeps old content",
                        "R#w() [9p]", "qemu-run")).build();
        MountMatrix b = MountMatrix.builder()
                .run(new RunInfo("lima-run", run("x", null).date(), new HostInfo("Linux", "amd64", "6.1.0-28-amd64"),
                        List.of("limactl"), List.of("6.1.0-41-amd64"), List.of(), "17.0.15 (Debian)", "6.1.3", null,
                        null))
                .add(HOST_CHANGE, MountType.NINEP, pass("V#host() [9p]", "lima-run", 90))
                .add(READ_ONLY, MountType.NINEP, pass("R#w() [9p]", "lima-run")).build();

        String md = MatrixDiffMarkdown.render(MatrixDiff.of(a, b), "qemu.json", "limactl.json");

        assertThat(md).startsWith("# Mount matrix diff\n\n- **A**: `qemu.json`\n"
                + "  - run `qemu-run`, 2026-11-28 12:00 UTC, engine qemu, host Linux amd64 (kernel 6.1.0-28-amd64),"
                + " guest kernel 6.1.0-41-amd64, Java 17.0.15 (Debian), lima.mountTypes 9p\n"
                + "- **B**: `limactl.json`\n  - run `lima-run`, 2026-11-28 12:00 UTC, engine limactl,");
        assertThat(md).contains("\n2 cells: 1 agree, 1 differ in outcome, 0 differ only in latency class,"
                + " 0 only in A, 0 only in B.\n");
        assertThat(md.indexOf("## Differences")).isLessThan(md.indexOf("## Agreeing cells"));
        assertThat(md).contains("\n| a read-only mount refuses writes <br>`read-only-refuses-writes` | 9p | outcome"
                + " | known limitation · not measured: fscache \\| keeps old content | pass · not measured |\n");
        assertThat(md).contains("\n| host change is visible in the guest <br>`host-change-visible` | 9p | pass"
                + " | < 250 ms (p50 23 ms, n=3) | < 250 ms (p50 90 ms, n=1) |\n");
    }

    @Test
    void noDifferencesSaySo() {
        String md = MatrixDiffMarkdown.render(MatrixDiff.of(ninePJob(), ninePJob()), "a.json", "b.json");
        assertThat(md).contains("## Differences\n\nNone: every cell agrees.\n");
    }
}
