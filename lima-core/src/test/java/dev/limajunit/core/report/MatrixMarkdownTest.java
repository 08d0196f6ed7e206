package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.HOST_CHANGE;
import static dev.limajunit.core.report.SampleMatrices.ninePJob;
import static dev.limajunit.core.report.SampleMatrices.otherJob;
import static dev.limajunit.core.report.SampleMatrices.outcome;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixMarkdownTest {

    @Test
    void oneTableRowPerBehaviourAndOneColumnPerMountType() {
        String md = MatrixMarkdown.render(MatrixMerge.merge(Map.of("a.json", otherJob())));
        List<String> table = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Run")).toList();
        assertThat(table.get(0)).isEqualTo("| Behaviour | reverse-sshfs | 9p | virtiofs |");
        List<String> rows = table.subList(1, table.size()).stream().filter(l -> l.contains("<br>`")).toList();
        assertThat(rows).hasSize(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.split("(?<!\\\\)\\|", -1)).hasSize(6));
        assertThat(rows.get(0)).startsWith("| host change is visible in the guest <br>`host-change-visible` |")
                .contains("| fail: expected the new content within 5 s")
                .contains("| – |")
                .contains("| pass (p50 1 ms, p95 2 ms, n=2) |");
    }

    @Test
    void knownLimitationCellsCarryTheirReasonAndANote() {
        String md = MatrixMarkdown.render(ninePJob());
        assertThat(md).contains("| known limitation: 9p hands out a new inode on each lookup: a watch below the"
                + " mount root sees nothing [1] |");
        assertThat(md).contains("## Notes\n\n1. **mountInotify reaches files in directories created later** on 9p:"
                + "\n   - known limitation in InotifyTest#nested() [9p] (run ci-9p): 9p hands out");
        assertThat(md).contains("| ci-9p | 2026-11-28 12:00 UTC | Linux amd64 | 6.1.0-28-amd64 | qemu |"
                + " 6.1.0-41-amd64 | /usr/local/lib/lima-junit/virtiofsd-1.14.0/bin/virtiofsd (virtiofsd 1.14.0) |"
                + " 17.0.15 (Debian) | 6.1.3 | 9p | – |");
    }

    @Test
    void reasonsCannotBreakTheTable() {
        MountMatrix m = MountMatrix.builder().run(run("r", null))
                .add(HOST_CHANGE, MountType.NINEP, outcome(Outcome.FAIL,
                        "expected <a|b>\nbut was\r\n" + "x".repeat(200), "T#t()", "r"))
                .build();
        String row = MatrixMarkdown.render(m).lines().filter(l -> l.contains("`host-change-visible`"))
                .findFirst().orElseThrow();
        assertThat(row).contains("fail: expected &lt;a\\|b&gt; … [1] |").doesNotContain("<a").doesNotContain("xxxxx");
        assertThat(MatrixMarkdown.render(m)).contains("expected &lt;a|b&gt; but was " + "x".repeat(200));
    }

    @Test
    void anEmptyMatrixSaysSo() {
        String md = MatrixMarkdown.render(MountMatrix.builder().run(run("r", null)).build());
        assertThat(md).contains("No test declared a behaviour").contains("no results");
    }
}
