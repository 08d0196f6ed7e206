package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the matrices of several runs, e.g. one per CI job, each with its own {@code lima.mountTypes}, into one.
 * Columns and rows are unioned (a row's title comes from the first file that has it). Where two files hold the same
 * cell, the merged cell keeps every observation: it shows the worse outcome and percentiles over all latencies, and
 * is marked mixed when the outcomes differ. Every run keeps its own metadata, with the file it came from as its
 * source; run ids that clash are made unique by a suffix. Performance figures are unioned; for the same workload,
 * mount type and variant the later file's replaces the earlier one (measurements are not averaged across machines).
 */
public final class MatrixMerge {

    private MatrixMerge() {
    }

    /** @throws MatrixFormatException naming the file that cannot be read */
    public static MountMatrix mergeFiles(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("matrix merge needs at least one mount-matrix.json");
        }
        MountMatrix.Builder merged = MountMatrix.builder();
        Set<String> runIds = new HashSet<>();
        for (Path file : files) {
            addTo(merged, runIds, MatrixJson.read(file), file.toString());
        }
        return merged.build();
    }

    /** Merges matrices already read; {@code source} names each one in its runs' metadata. */
    public static MountMatrix merge(Map<String, MountMatrix> bySource) {
        MountMatrix.Builder merged = MountMatrix.builder();
        Set<String> runIds = new HashSet<>();
        bySource.forEach((source, matrix) -> addTo(merged, runIds, matrix, source));
        return merged.build();
    }

    private static void addTo(MountMatrix.Builder merged, Set<String> takenRunIds, MountMatrix matrix,
                              String source) {
        Map<String, String> renamed = new HashMap<>();
        for (RunInfo run : matrix.runs()) {
            String id = run.id();
            for (int n = 2; takenRunIds.contains(id); n++) {
                id = run.id() + "-" + n;
            }
            takenRunIds.add(id);
            renamed.put(run.id(), id);
            // a run that already names its source was merged before: keep the original file's name
            merged.run(run.withIdAndSource(id, run.source() != null ? run.source() : source));
        }
        matrix.columns().forEach(merged::column);
        for (Behaviour row : matrix.rows()) {
            merged.row(row);
            for (MountType column : matrix.columns()) {
                matrix.cell(row.id(), column).ifPresent(cell -> cell.observations().forEach(
                        o -> merged.add(row, column, o.inRun(renamed.get(o.run())))));
            }
        }
        // A later file's figure for the same workload, type and variant replaces an earlier one.
        matrix.speed().forEach(f -> merged.figure(f.inRun(renamed.get(f.run()))));
    }
}
