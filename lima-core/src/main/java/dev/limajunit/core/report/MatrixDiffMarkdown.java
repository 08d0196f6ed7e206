package dev.limajunit.core.report;

import dev.limajunit.core.report.CellComparison.Verdict;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link MatrixDiff} as Markdown, to read in a terminal or paste into docs: each run's header, the summary line,
 * the cells that differ (outcome differences first) with their reasons, then the cells that agree.
 */
public final class MatrixDiffMarkdown {

    private MatrixDiffMarkdown() {
    }

    /** {@code nameA} and {@code nameB} name the two matrices in the header, e.g. by their files. */
    public static String render(MatrixDiff diff, String nameA, String nameB) {
        StringBuilder md = new StringBuilder("# Mount matrix diff\n\n");
        runs(md, "A", nameA, diff.a());
        runs(md, "B", nameB, diff.b());
        md.append('\n').append(diff.summary()).append(".\n\n");
        md.append("Compared per cell (behaviour on a mount type): the outcome (the worst of the cell's results) and"
                        + " the latency class of its median latency: ")
                .append(Arrays.stream(LatencyClass.values()).map(LatencyClass::label)
                        .collect(Collectors.joining(", ")))
                .append(".\n\n");

        List<CellComparison> differing = diff.cells().stream()
                .filter(c -> c.verdict() != Verdict.AGREE)
                .sorted(Comparator.comparing(CellComparison::verdict)) // stable: matrix order within a verdict
                .toList();
        md.append("## Differences\n\n");
        if (differing.isEmpty()) {
            md.append("None: every cell agrees.\n\n");
        } else {
            md.append("| Behaviour | Mount type | Differs in | A | B |\n|---|---|---|---|---|\n");
            for (CellComparison c : differing) {
                md.append("| ").append(behaviour(c)).append(" | ").append(c.column().yamlName())
                        .append(" | ").append(c.verdict().label())
                        .append(" | ").append(withReason(c.a()))
                        .append(" | ").append(withReason(c.b())).append(" |\n");
            }
            md.append('\n');
        }

        List<CellComparison> agreeing = diff.cellsWith(Verdict.AGREE);
        md.append("## Agreeing cells\n\n");
        if (agreeing.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| Behaviour | Mount type | Outcome | A latency | B latency |\n|---|---|---|---|---|\n");
            for (CellComparison c : agreeing) {
                md.append("| ").append(behaviour(c)).append(" | ").append(c.column().yamlName())
                        .append(" | ").append(c.a().orElseThrow().outcome().label())
                        .append(" | ").append(latency(c.a().orElseThrow()))
                        .append(" | ").append(latency(c.b().orElseThrow())).append(" |\n");
            }
        }
        return md.toString();
    }

    private static void runs(StringBuilder md, String side, String name, MountMatrix matrix) {
        md.append("- **").append(side).append("**: `").append(name).append('`');
        if (matrix.runs().isEmpty()) {
            md.append(" (no run recorded)");
        }
        md.append('\n');
        for (RunInfo r : matrix.runs()) {
            md.append("  - run `").append(r.id()).append("`, ").append(CellText.DATE.format(r.date()))
                    .append(", engine ").append(CellText.orDash(String.join(", ", r.engines())))
                    .append(", host ").append(r.host().os()).append(' ').append(r.host().arch())
                    .append(" (kernel ").append(CellText.orDash(r.host().kernel())).append(')')
                    .append(", guest kernel ").append(CellText.orDash(String.join(", ", r.guestKernels())))
                    .append(", Java ").append(CellText.orDash(r.java()))
                    .append(", lima.mountTypes ").append(r.mountTypes() == null ? "all" : r.mountTypes());
            if (r.source() != null) {
                md.append(", from ").append(r.source());
            }
            md.append('\n');
        }
    }

    private static String behaviour(CellComparison c) {
        return MatrixMarkdown.escape(c.behaviour().title()) + " <br>`" + c.behaviour().id() + "`";
    }

    /** {@code known limitation · < 250 ms (p50 93 ms, n=1): 9p hands out…}; "not run" for a missing cell. */
    private static String withReason(Optional<Cell> cell) {
        if (cell.isEmpty()) {
            return "not run";
        }
        String text = outcome(cell.get()) + " · " + latency(cell.get());
        String reason = CellText.shortReason(cell.get());
        return reason.isEmpty() ? text : text + ": " + MatrixMarkdown.escape(reason);
    }

    private static String outcome(Cell cell) {
        return cell.outcome().label() + (cell.mixed() ? " (mixed)" : "");
    }

    private static String latency(Cell cell) {
        Latencies l = cell.latencies();
        String label = cell.latencyClass().label();
        return l.isEmpty() ? label : label + " (p50 " + l.p50().getAsLong() + " ms, n=" + l.count() + ")";
    }
}
