package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix as a GitHub-flavoured Markdown table, for docs and CI summaries. Cells read like
 * {@code pass (p50 23 ms, p95 41 ms, n=12)} or {@code known limitation: no events for nested files [2]}, over a line
 * saying what produced them ({@code qemu, emulated host agent}); the numbered notes below the table hold full reasons,
 * every observation of a cell and its tests.
 */
final class MatrixMarkdown {

    private MatrixMarkdown() {
    }

    public static String render(MountMatrix matrix) {
        StringBuilder md = new StringBuilder("# Mount behaviour matrix\n\n");
        String dates = matrix.runs().stream().map(r -> CellText.DATE.format(r.date())).distinct().sorted()
                .reduce((a, b) -> a + ", " + b).orElse("no run");
        md.append("Run ").append(dates).append(" · ").append(matrix.runs().size())
                .append(matrix.runs().size() == 1 ? " run · " : " runs · ")
                .append(matrix.outcomeSummary()).append(".\n\n");

        List<String> notes = new ArrayList<>();
        if (matrix.isEmpty()) {
            md.append("No test declared a behaviour, so the matrix is empty.\n\n");
        } else {
            md.append("| Behaviour |");
            matrix.columns().forEach(c -> md.append(' ').append(c.yamlName()).append(" |"));
            md.append("\n|---|");
            matrix.columns().forEach(c -> md.append("---|"));
            md.append('\n');
            for (Behaviour b : matrix.rows()) {
                md.append("| ").append(escape(b.title())).append(" <br>`").append(b.id()).append("` |");
                for (MountType column : matrix.columns()) {
                    md.append(' ').append(matrix.cell(b.id(), column)
                            .map(cell -> cellText(b, column, cell, notes)).orElse("–")).append(" |");
                }
                md.append('\n');
            }
            md.append("\n– : not tested on that mount type. A cell with several results shows the worst"
                    + " (fail > unexpected pass > known limitation > pass > skipped) and all their latencies.\n\n");
        }
        if (!notes.isEmpty()) {
            md.append("## Notes\n\n");
            for (int i = 0; i < notes.size(); i++) {
                md.append(i + 1).append(". ").append(notes.get(i)).append('\n');
            }
            md.append('\n');
        }
        md.append(SpeedSection.markdown(matrix));
        md.append("## Runs\n\n| Run | Date | Host | Host kernel | Engines | Guest kernel | virtiofsd | Java | JUnit"
                + " | lima.mountTypes | Source |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (RunInfo r : matrix.runs()) {
            md.append("| ").append(escape(r.id()))
                    .append(" | ").append(CellText.DATE.format(r.date()))
                    .append(" | ").append(escape(r.host().os() + " " + r.host().arch()))
                    .append(" | ").append(escape(CellText.orDash(r.host().kernel())))
                    .append(" | ").append(escape(CellText.orDash(String.join(", ", r.engines()))))
                    .append(" | ").append(escape(CellText.orDash(String.join(", ", r.guestKernels()))))
                    .append(" | ").append(escape(CellText.orDash(String.join(", ", r.virtiofsd()))))
                    .append(" | ").append(escape(CellText.orDash(r.java())))
                    .append(" | ").append(escape(CellText.orDash(r.junit())))
                    .append(" | ").append(escape(r.mountTypes() == null ? "all" : r.mountTypes()))
                    .append(" | ").append(escape(CellText.orDash(r.source())))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static String cellText(Behaviour b, MountType column, Cell cell, List<String> notes) {
        String text = CellText.headline(cell);
        String reason = CellText.shortReason(cell);
        if (!reason.isEmpty()) {
            text += ": " + reason;
        }
        if (cell.mixed()) {
            text += " (mixed)";
        }
        String provenance = CellText.provenance(cell);
        text = escape(text) + (provenance.isEmpty() ? "" : " <br><sub>" + escape(provenance) + "</sub>");
        if (CellText.needsNote(cell)) {
            StringBuilder note = new StringBuilder("**" + escape(b.title()) + "** on " + column.yamlName() + ":");
            for (Observation o : cell.worstFirst()) {
                note.append("\n   - ").append(escapeInline(CellText.observation(o)));
            }
            notes.add(note.toString());
            text += " [" + notes.size() + "]";
        }
        return text;
    }

    /** Makes text safe inside a table cell: no pipes, no line breaks, no HTML. */
    static String escape(String s) {
        return escapeInline(s).replace("|", "\\|");
    }

    private static String escapeInline(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("\\s*\\R\\s*", " ");
    }
}
