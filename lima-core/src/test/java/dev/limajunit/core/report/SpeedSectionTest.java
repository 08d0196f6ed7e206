package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix's performance section: JSON round trip, merge, diff, Markdown and HTML. */
class SpeedSectionTest {

    static SpeedFigure createDelete(MountType type, double mount, String run) {
        return new SpeedFigure("create-delete", "create and delete 100 small files", type, "default",
                SpeedUnit.SECONDS, mount, 0.5, run);
    }

    static MountMatrix bench(String run, SpeedFigure... figures) {
        MountMatrix.Builder b = MountMatrix.builder().run(run(run, null));
        for (SpeedFigure f : figures) {
            b.figure(f);
        }
        return b.build();
    }

    @Test
    void timesNativeIsTheMountsCostInEitherUnit() {
        assertThat(createDelete(MountType.NINEP, 5, "r").timesNative()).isEqualTo(10);
        assertThat(new SpeedFigure("seq-read", "read", MountType.NINEP, "default", SpeedUnit.MB_PER_SECOND, 100,
                1000, "r").timesNative()).isEqualTo(10);
    }

    @Test
    void figuresSurviveTheJsonRoundTripAndOldMatricesHaveNone(@TempDir Path dir) {
        MountMatrix matrix = bench("bench", createDelete(MountType.VIRTIOFS, 2, "bench"),
                createDelete(MountType.NINEP, 5, "bench"));
        MatrixJson.write(matrix, dir.resolve("m.json"));

        MountMatrix read = MatrixJson.read(dir.resolve("m.json"));

        assertThat(read.speed()).containsExactlyElementsOf(matrix.speed());
        assertThat(read.speed()).extracting(SpeedFigure::mountType).containsExactly(MountType.NINEP,
                MountType.VIRTIOFS);
        assertThat(MatrixJson.toJson(ninePJob())).doesNotContain("performance");
        assertThat(MatrixJson.parse(MatrixJson.toJson(ninePJob()), "old.json").speed()).isEmpty();
    }

    @Test
    void aBadFigureIsNamedByItsPlace() {
        String json = MatrixJson.toJson(bench("bench", createDelete(MountType.NINEP, 5, "bench")))
                .replace("\"mount\" : 5.0", "\"mount\" : \"fast\"");
        assertThatThrownBy(() -> MatrixJson.parse(json, "bad.json"))
                .isInstanceOf(MatrixFormatException.class)
                .hasMessage("bad.json: performance[0].mount: must be a number, was \"fast\"");
    }

    @Test
    void mergeAddsTheBenchmarksFiguresToASamplesRunAndALaterFigureReplacesAnEarlierOne() {
        Map<String, MountMatrix> inputs = new LinkedHashMap<>();
        inputs.put("samples.json", ninePJob());
        inputs.put("old-bench.json", bench("bench", createDelete(MountType.NINEP, 9, "bench")));
        inputs.put("new-bench.json", bench("bench", createDelete(MountType.NINEP, 5, "bench")));

        MountMatrix merged = MatrixMerge.merge(inputs);

        assertThat(merged.rows()).hasSize(ninePJob().rows().size());
        assertThat(merged.speed()).singleElement().satisfies(f -> {
            assertThat(f.mount()).isEqualTo(5);
            assertThat(f.run()).isEqualTo("bench-2");
        });
    }

    @Test
    void diffComparesOutcomesAndLeavesMeasurementsAlone() {
        MountMatrix before = MatrixMerge.merge(Map.of("a.json", ninePJob()));
        Map<String, MountMatrix> withBench = new LinkedHashMap<>();
        withBench.put("a.json", ninePJob());
        withBench.put("b.json", bench("bench", createDelete(MountType.NINEP, 5, "bench")));

        MatrixDiff diff = MatrixDiff.of(before, MatrixMerge.merge(withBench));

        assertThat(diff.outcomesDiffer()).isFalse();
        assertThat(diff.summary()).isEqualTo(MatrixDiff.of(before, before).summary());
    }

    @Test
    void markdownAndHtmlShowOneBarPerTypeBesideNative() {
        MountMatrix matrix = bench("bench", createDelete(MountType.VIRTIOFS, 2, "bench"),
                createDelete(MountType.NINEP, 5, "bench"));

        assertThat(MatrixMarkdown.render(matrix)).contains("## Performance")
                .contains("| create and delete 100 small files <br>`create-delete` | 9p | default | 5.00 s | 0.50 s "
                        + "| 10x |");
        String html = MatrixHtml.render(matrix);
        assertThat(html).contains("<h2 id=\"performance\">Performance</h2>")
                .contains("<span class=\"bar mount\" style=\"width:100.0%\" title=\"mount 5.00 s\">")
                .contains("<span class=\"bar native\" style=\"width:10.0%\" title=\"native 0.50 s\">")
                .contains("<td class=\"figure\">4.0x</td>");
        assertThat(List.of(MatrixMarkdown.render(ninePJob()), MatrixHtml.render(ninePJob())))
                .noneMatch(s -> s.contains("Performance"));
    }
}
