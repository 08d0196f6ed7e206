package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.HOST_CHANGE;
import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.otherJob;
import static dev.limajunit.core.report.SampleMatrices.pass;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMergeTest {

    @Test
    void mergesTwoJobsWithDifferentMountTypes(@TempDir Path dir) {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        MatrixJson.write(ninePJob(), a);
        MatrixJson.write(otherJob(), b);

        MountMatrix merged = MatrixMerge.mergeFiles(List.of(a, b));

        assertThat(merged.columns()).containsExactly(MountType.REVERSE_SSHFS, MountType.NINEP, MountType.VIRTIOFS);
        assertThat(merged.rows()).extracting(Behaviour::id)
                .containsExactly("host-change-visible", "inotify-nested-files", "read-only-refuses-writes");
        assertThat(merged.runs()).extracting(RunInfo::id).containsExactly("ci-9p", "ci-other");
        assertThat(merged.runs()).extracting(RunInfo::source).containsExactly(a.toString(), b.toString());
        assertThat(merged.runs()).extracting(RunInfo::mountTypes).containsExactly("9p", "virtiofs,reverse-sshfs");
        assertThat(merged.cell("host-change-visible", MountType.NINEP)).get()
                .extracting(Cell::outcome).isEqualTo(Outcome.PASS);
        assertThat(merged.cell("host-change-visible", MountType.REVERSE_SSHFS)).get()
                .extracting(Cell::outcome).isEqualTo(Outcome.FAIL);
        assertThat(merged.cell("inotify-nested-files", MountType.VIRTIOFS)).isEmpty();
    }

    @Test
    void theSameCellInTwoFilesKeepsTheWorseOutcomeAndBothResults() {
        MountMatrix merged = MatrixMerge.merge(Map.of("a.json", ninePJob()));
        MountMatrix again = MatrixMerge.merge(new LinkedHashMap<>(Map.of(
                "merged.json", merged)) {{ put("other.json", otherJob()); }});

        Cell readOnly9p = again.cell("read-only-refuses-writes", MountType.NINEP).orElseThrow();
        assertThat(readOnly9p.outcome()).isEqualTo(Outcome.FAIL);
        assertThat(readOnly9p.mixed()).isTrue();
        assertThat(readOnly9p.reason()).contains("write succeeded on a read-only 9p mount");
        assertThat(readOnly9p.runs()).containsExactly("ci-9p", "ci-other");
        // a run merged before keeps the file it first came from
        assertThat(again.runs()).extracting(RunInfo::source).containsExactly("a.json", "other.json");
    }

    @Test
    void latenciesOfTheSameCellAreKeptFromBothFiles() {
        MountMatrix first = ninePJob();
        MountMatrix second = MountMatrix.builder().run(run("ci-9p", "9p"))
                .add(HOST_CHANGE, MountType.NINEP, pass("VisibilityTest#hostWrite() [9p]", "ci-9p", 200, 300))
                .build();
        MountMatrix merged = MatrixMerge.merge(new LinkedHashMap<>(Map.of("1.json", first)) {{
            put("2.json", second);
        }});
        Cell cell = merged.cell("host-change-visible", MountType.NINEP).orElseThrow();
        assertThat(cell.latencies().millis()).containsExactly(20L, 23L, 41L, 200L, 300L);
        assertThat(cell.latencies().p50()).hasValue(41);
        // both runs were called ci-9p: the second is renamed, and its observation follows
        assertThat(merged.runs()).extracting(RunInfo::id).containsExactly("ci-9p", "ci-9p-2");
        assertThat(cell.runs()).containsExactly("ci-9p", "ci-9p-2");
    }

    @Test
    void aFileThatIsNotAMatrixIsNamed(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.json"), "[]");
        assertThatThrownBy(() -> MatrixMerge.mergeFiles(List.of(junk)))
                .isInstanceOf(MatrixFormatException.class).hasMessageContaining(junk.toString());
        assertThatThrownBy(() -> MatrixMerge.mergeFiles(List.of())).hasMessageContaining("at least one");
    }
}
