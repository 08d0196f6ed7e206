package dev.limajunit.core.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** The words the Markdown and HTML tables share, so both say the same thing about a cell. */
final class CellText {

    /** Longest reason shown inside a table cell; the full text goes to the notes. */
    static final int SHORT_REASON = 90;

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private CellText() {
    }

    /** {@code pass (p50 23 ms, p95 41 ms, n=12)}: the outcome and latencies, no reason. */
    static String headline(Cell cell) {
        Latencies l = cell.latencies();
        String head = cell.outcome().label();
        if (!l.isEmpty()) {
            head += " (p50 " + l.p50().getAsLong() + " ms, p95 " + l.p95().getAsLong() + " ms, n=" + l.count() + ")";
        }
        return head;
    }

    /** {@code qemu, emulated host agent}: what produced the cell's results; empty when nothing booted. */
    static String provenance(Cell cell) {
        return String.join("; ", cell.provenances());
    }

    /** The reason's first line, cut to {@link #SHORT_REASON} characters; empty when there is none. */
    static String shortReason(Cell cell) {
        return cell.reason().map(CellText::shorten).orElse("");
    }

    static String shorten(String reason) {
        String oneLine = reason.lines().findFirst().orElse("").strip();
        if (oneLine.length() > SHORT_REASON) {
            return oneLine.substring(0, SHORT_REASON - 1).strip() + "…";
        }
        return oneLine.length() < reason.strip().length() ? oneLine + " …" : oneLine;
    }

    /** Whether the table cell leaves something out that a note should say. */
    static boolean needsNote(Cell cell) {
        return cell.mixed() || cell.observations().size() > 1
                || cell.reason().map(r -> !shorten(r).equals(r)).orElse(false)
                || cell.observations().stream().anyMatch(o -> o.reason() != null);
    }

    static String observation(Observation o) {
        String text = o.outcome().label() + " in " + o.test() + " (run " + o.run()
                + (o.provenance() == null ? "" : ", " + o.provenance()) + ")";
        if (!o.measurements().isEmpty()) {
            text += ", latencies " + o.measurements().stream()
                    .map(m -> m.millis() + " ms" + (m.what().isEmpty() ? "" : " " + m.what()))
                    .collect(Collectors.joining(", "));
        }
        return o.reason() == null ? text : text + ": " + o.reason();
    }

    static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }
}
