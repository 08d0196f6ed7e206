package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix as one self-contained HTML page: inline CSS, no script, no external resource, so it opens from
 * {@code file://} or a CI artifact with no network. Cells are coloured by outcome; the full reason, the tests and the
 * observations are in each cell's tooltip and in numbered notes the cell links to.
 */
final class MatrixHtml {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em;color:#1b1f24;\
            background:#fff}
            h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;margin-top:2em}
            .summary{color:#57606a;margin:0 0 1.2em}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;margin:.5em 0}
            th,td{border:1px solid #d0d7de;padding:.45em .7em;vertical-align:top;text-align:left}
            thead th{background:#f6f8fa;position:sticky;top:0}
            th.behaviour{font-weight:normal;min-width:16em}th.behaviour code{color:#57606a;font-size:.85em}
            td.cell{min-width:11em;max-width:22em}
            .outcome{font-weight:600}
            .reason{display:block;font-size:.9em;color:#3d444d}
            .provenance{display:block;font-size:.8em;color:#57606a;font-style:italic}
            .latency{display:block;font-size:.85em;color:#3d444d;font-variant-numeric:tabular-nums}
            td a.note{font-size:.8em;text-decoration:none;color:#0550ae}
            .pass{background:#dafbe1}.fail{background:#ffd8d3}.known-limitation{background:#fff1c2}
            .unexpected-pass{background:#e2d9fb}.skipped{background:#eef0f2;color:#57606a}
            .untested{background:#fff;color:#8c959f;text-align:center}
            .mixed{box-shadow:inset 4px 0 0 #cf222e}
            .legend span{display:inline-block;padding:.15em .6em;margin:0 .4em .4em 0;border:1px solid #d0d7de}
            ol.notes li{margin-bottom:.6em}\
            ol.notes ul{margin:.2em 0;padding-left:1.2em}ol.notes ul li{padding:.1em .4em;white-space:pre-line}
            table.runs td,table.runs th{font-size:.9em}
            :target{outline:2px solid #0969da}
            """;

    private MatrixHtml() {
    }

    public static String render(MountMatrix matrix) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Mount behaviour matrix</title>\n<style>\n").append(CSS).append(SpeedSection.CSS)
                .append("</style>\n")
                .append("</head>\n<body>\n<h1>Mount behaviour matrix</h1>\n<p class=\"summary\">")
                .append(esc(matrix.runs().size() + (matrix.runs().size() == 1 ? " run · " : " runs · ")
                        + matrix.outcomeSummary()))
                .append("</p>\n<p class=\"legend\">");
        for (Outcome o : List.of(Outcome.FAIL, Outcome.UNEXPECTED_PASS, Outcome.KNOWN_LIMITATION,
                Outcome.PASS, Outcome.SKIPPED)) {
            h.append("<span class=\"").append(o.jsonName()).append("\">").append(o.label()).append("</span>");
        }
        h.append("<span class=\"untested\">– not tested</span><span class=\"mixed\">results disagree</span></p>\n");

        List<String> notes = new ArrayList<>();
        if (matrix.isEmpty()) {
            h.append("<p>No test declared a behaviour, so the matrix is empty.</p>\n");
        } else {
            h.append("<div class=\"scroll\">\n<table class=\"matrix\" id=\"matrix\">\n<thead><tr><th>Behaviour</th>");
            matrix.columns().forEach(c -> h.append("<th scope=\"col\">").append(esc(c.yamlName())).append("</th>"));
            h.append("</tr></thead>\n<tbody>\n");
            for (Behaviour b : matrix.rows()) {
                h.append("<tr id=\"row-").append(esc(b.id())).append("\"><th scope=\"row\" class=\"behaviour\">")
                        .append(esc(b.title())).append("<br><code>").append(esc(b.id())).append("</code></th>");
                for (MountType column : matrix.columns()) {
                    h.append(matrix.cell(b.id(), column).map(cell -> cell(b, column, cell, notes))
                            .orElse("<td class=\"cell untested\" title=\"not tested\">–</td>"));
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n</div>\n<p class=\"summary\">A cell with several results shows the"
                    + " worst (fail &gt; unexpected pass &gt; known limitation &gt; pass &gt; skipped) and all their"
                    + " latencies. Hover a cell for its reason and tests.</p>\n");
        }
        if (!notes.isEmpty()) {
            h.append("<h2>Notes</h2>\n<ol class=\"notes\">\n");
            for (int i = 0; i < notes.size(); i++) {
                h.append("<li id=\"note-").append(i + 1).append("\">").append(notes.get(i)).append("</li>\n");
            }
            h.append("</ol>\n");
        }
        h.append(SpeedSection.html(matrix));
        h.append("<h2>Runs</h2>\n<div class=\"scroll\">\n<table class=\"runs\">\n<thead><tr><th>Run</th><th>Date</th>"
                + "<th>Host</th><th>Host kernel</th><th>Engines</th><th>Guest kernel</th><th>virtiofsd</th>"
                + "<th>Java</th><th>JUnit</th>"
                + "<th>lima.mountTypes</th><th>Source</th></tr></thead>\n<tbody>\n");
        for (RunInfo r : matrix.runs()) {
            h.append("<tr>");
            for (String v : List.of(r.id(), CellText.DATE.format(r.date()), r.host().os() + " " + r.host().arch(),
                    CellText.orDash(r.host().kernel()), CellText.orDash(String.join(", ", r.engines())),
                    CellText.orDash(String.join(", ", r.guestKernels())),
                    CellText.orDash(String.join(", ", r.virtiofsd())), CellText.orDash(r.java()),
                    CellText.orDash(r.junit()), r.mountTypes() == null ? "all" : r.mountTypes(),
                    CellText.orDash(r.source()))) {
                h.append("<td>").append(esc(v)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n</body>\n</html>\n");
        return h.toString();
    }

    private static String cell(Behaviour b, MountType column, Cell cell, List<String> notes) {
        Outcome outcome = cell.outcome();
        Latencies l = cell.latencies();
        StringBuilder tooltip = new StringBuilder(outcome.label());
        cell.reason().ifPresent(r -> tooltip.append(": ").append(r));
        tooltip.append("\ntests: ").append(String.join(", ", cell.tests()));
        if (!cell.provenances().isEmpty()) {
            tooltip.append("\nproduced by: ").append(CellText.provenance(cell));
        }
        StringBuilder td = new StringBuilder("<td class=\"cell ").append(outcome.jsonName())
                .append(cell.mixed() ? " mixed" : "").append("\" data-outcome=\"").append(outcome.jsonName())
                .append("\" title=\"").append(esc(tooltip.toString())).append("\">")
                .append("<span class=\"outcome\">").append(outcome.label()).append("</span>");
        if (!l.isEmpty()) {
            td.append("<span class=\"latency\">p50 ").append(l.p50().getAsLong()).append(" ms · p95 ")
                    .append(l.p95().getAsLong()).append(" ms · n=").append(l.count()).append("</span>");
        }
        String reason = CellText.shortReason(cell);
        if (!reason.isEmpty()) {
            td.append("<span class=\"reason\">").append(esc(reason)).append("</span>");
        }
        String provenance = CellText.provenance(cell);
        if (!provenance.isEmpty()) {
            td.append("<span class=\"provenance\">").append(esc(provenance)).append("</span>");
        }
        if (CellText.needsNote(cell)) {
            StringBuilder note = new StringBuilder("<strong>").append(esc(b.title())).append("</strong> on ")
                    .append(esc(column.yamlName())).append(":<ul>");
            for (Observation o : cell.worstFirst()) {
                note.append("<li class=\"").append(o.outcome().jsonName()).append("\">")
                        .append(esc(CellText.observation(o))).append("</li>");
            }
            notes.add(note.append("</ul>").toString());
            td.append(" <a class=\"note\" href=\"#note-").append(notes.size()).append("\">[")
                    .append(notes.size()).append("]</a>");
        }
        return td.append("</td>").toString();
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append("&#10;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
