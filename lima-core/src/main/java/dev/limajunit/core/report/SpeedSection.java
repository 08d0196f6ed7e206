package dev.limajunit.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The matrix report's performance section, as Markdown and as HTML bars: per workload, one bar per mount type and
 * variant with the guest's own file system (native) beside it, and how many times native's cost the mount is.
 * Measurements, not verdicts: nothing here is coloured as pass or fail.
 */
final class SpeedSection {

    static final String CSS = """
            table.speed td{vertical-align:middle}table.speed td.bars{min-width:22em}
            .bar{display:block;height:.9em;margin:.15em 0;min-width:2px}
            .bar.mount{background:#0969da}.bar.native{background:#8c959f}
            .figure{font-variant-numeric:tabular-nums;white-space:nowrap}
            """;

    private static final String INTRO = "Measurements, not verdicts: each workload ran in the guest on the mount and, "
            + "as the native baseline, on the guest's own file system; \"x native\" is how many times native's cost "
            + "the mount took (time divided by native's, or native's MB/s divided by the mount's).";

    private SpeedSection() {
    }

    static String markdown(MountMatrix matrix) {
        if (matrix.speed().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("## Performance\n\n").append(INTRO).append("\n\n")
                .append("| Workload | Mount type | Variant | Mount | Native | x native |\n")
                .append("|---|---|---|---:|---:|---:|\n");
        for (SpeedFigure f : matrix.speed()) {
            md.append("| ").append(MatrixMarkdown.escape(f.description())).append(" <br>`").append(f.workload())
                    .append("` | ").append(f.mountType().yamlName()).append(" | ")
                    .append(MatrixMarkdown.escape(f.variant())).append(" | ").append(value(f.mount(), f.unit()))
                    .append(" | ").append(value(f.nativeValue(), f.unit())).append(" | ")
                    .append(times(f.timesNative())).append(" |\n");
        }
        return md.append('\n').toString();
    }

    static String html(MountMatrix matrix) {
        if (matrix.speed().isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2 id=\"performance\">Performance</h2>\n<p class=\"summary\">")
                .append(MatrixHtml.esc(INTRO)).append(" Blue: the mount; grey: native.</p>\n")
                .append("<div class=\"scroll\">\n<table class=\"speed\">\n<thead><tr><th>Workload</th>"
                        + "<th>Mount type</th><th>Variant</th><th>Mount / native</th><th>x native</th></tr></thead>\n"
                        + "<tbody>\n");
        for (Map.Entry<String, List<SpeedFigure>> workload : byWorkload(matrix).entrySet()) {
            List<SpeedFigure> figures = workload.getValue();
            // Bars of one workload share a scale: the largest value among its mounts and baselines is full width.
            double max = figures.stream().mapToDouble(f -> Math.max(f.mount(), f.nativeValue())).max().orElse(1);
            for (SpeedFigure f : figures) {
                h.append("<tr data-workload=\"").append(MatrixHtml.esc(f.workload())).append("\"><th scope=\"row\">")
                        .append(MatrixHtml.esc(f.description())).append("</th><td>")
                        .append(MatrixHtml.esc(f.mountType().yamlName())).append("</td><td>")
                        .append(MatrixHtml.esc(f.variant())).append("</td><td class=\"bars\">")
                        .append(bar("mount", f.mount(), max, f.unit())).append(bar("native", f.nativeValue(), max,
                                f.unit()))
                        .append("</td><td class=\"figure\">").append(times(f.timesNative())).append("</td></tr>\n");
            }
        }
        return h.append("</tbody>\n</table>\n</div>\n").toString();
    }

    private static Map<String, List<SpeedFigure>> byWorkload(MountMatrix matrix) {
        Map<String, List<SpeedFigure>> grouped = new LinkedHashMap<>();
        matrix.speed().forEach(f -> grouped.computeIfAbsent(f.workload(), w -> new ArrayList<>()).add(f));
        return grouped;
    }

    private static String bar(String kind, double value, double max, SpeedUnit unit) {
        String label = kind + " " + value(value, unit);
        return "<span class=\"bar " + kind + "\" style=\"width:" + String.format(Locale.ROOT, "%.1f", 100 * value / max)
                + "%\" title=\"" + MatrixHtml.esc(label) + "\"></span><span class=\"figure\">"
                + MatrixHtml.esc(label) + "</span>";
    }

    static String value(double value, SpeedUnit unit) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : value >= 10 ? "%.1f %s" : "%.2f %s", value,
                unit.symbol());
    }

    static String times(double times) {
        return String.format(Locale.ROOT, times >= 10 ? "%.0fx" : "%.1fx", times);
    }
}
