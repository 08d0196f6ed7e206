package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two matrices compared cell by cell, e.g. the samples run on the qemu engine (A) and on real Lima through the
 * limactl engine (B). Cells are matched by behaviour id and mount type, in matrix order (rows by id, columns in
 * {@link MountType} order); only the outcome and the latency class are compared, so a field either run adds to its
 * cells, or a reason worded differently, is no difference.
 */
public record MatrixDiff(MountMatrix a, MountMatrix b, List<CellComparison> cells) {

    public MatrixDiff {
        cells = List.copyOf(cells);
    }

    public static MatrixDiff of(MountMatrix a, MountMatrix b) {
        Map<String, Behaviour> rows = new TreeMap<>();
        b.rows().forEach(r -> rows.put(r.id(), r));
        a.rows().forEach(r -> rows.put(r.id(), r)); // A's title wins: A is the run being judged
        Set<MountType> columns = EnumSet.noneOf(MountType.class);
        columns.addAll(a.columns());
        columns.addAll(b.columns());
        List<CellComparison> cells = new ArrayList<>();
        for (Behaviour row : rows.values()) {
            for (MountType column : columns) {
                var inA = a.cell(row.id(), column);
                var inB = b.cell(row.id(), column);
                if (inA.isPresent() || inB.isPresent()) {
                    cells.add(new CellComparison(row, column, inA, inB));
                }
            }
        }
        return new MatrixDiff(a, b, cells);
    }

    public List<CellComparison> cellsWith(CellComparison.Verdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).toList();
    }

    /** How many cells have each verdict; every verdict is present, zero when no cell has it. */
    public Map<CellComparison.Verdict, Integer> counts() {
        Map<CellComparison.Verdict, Integer> counts = new EnumMap<>(CellComparison.Verdict.class);
        for (CellComparison.Verdict v : CellComparison.Verdict.values()) {
            counts.put(v, 0);
        }
        cells.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** Whether any cell both runs hold differs in outcome; latency classes and one-sided cells do not count. */
    public boolean outcomesDiffer() {
        return cells.stream().anyMatch(c -> c.verdict() == CellComparison.Verdict.OUTCOME);
    }

    /** "74 cells: 70 agree, 2 differ in outcome, 1 differ only in latency class, 1 only in A, 0 only in B". */
    public String summary() {
        Map<CellComparison.Verdict, Integer> n = counts();
        return cells.size() + (cells.size() == 1 ? " cell: " : " cells: ")
                + n.get(CellComparison.Verdict.AGREE) + " agree, "
                + n.get(CellComparison.Verdict.OUTCOME) + " differ in outcome, "
                + n.get(CellComparison.Verdict.LATENCY_CLASS) + " differ only in latency class, "
                + n.get(CellComparison.Verdict.ONLY_IN_A) + " only in A, "
                + n.get(CellComparison.Verdict.ONLY_IN_B) + " only in B";
    }
}
