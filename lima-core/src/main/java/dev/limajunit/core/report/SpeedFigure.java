package dev.limajunit.core.report;

import dev.limajunit.core.config.MountType;
import java.util.Objects;

/**
 * One measurement of the matrix's performance section: a workload run in the guest on a mount and, as the baseline,
 * on the guest's own file system. A measurement, never a verdict: nothing passes or fails on it.
 *
 * @param workload    the workload's stable key, e.g. {@code create-delete}
 * @param description what it did, in words, with its size ("create and delete 1000 small files")
 * @param mountType   the mount type measured
 * @param variant     the mount option set, {@code default} for Lima's defaults (e.g. {@code cache=loose})
 * @param unit        seconds (less is better) or MB/s (more is better)
 * @param mount       the figure on the mount
 * @param nativeValue the same workload on the guest's own file system
 * @param run         the id of the run that measured it
 */
public record SpeedFigure(String workload, String description, MountType mountType, String variant, SpeedUnit unit,
                          double mount, double nativeValue, String run) {

    public SpeedFigure {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mountType, "mountType");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(run, "run");
        if (!(mount > 0) || !(nativeValue > 0)) {
            throw new IllegalArgumentException("workload " + workload + " on " + mountType.yamlName()
                    + ": figures must be positive, were " + mount + " (mount) and " + nativeValue + " (native)");
        }
    }

    /** How many times native's cost the mount is: 1 as fast, 10 ten times slower (for either unit). */
    public double timesNative() {
        return unit.lowerIsBetter() ? mount / nativeValue : nativeValue / mount;
    }

    /** What identifies the figure in a matrix: a later figure with the same key replaces an earlier one. */
    String key() {
        return workload + " " + mountType.yamlName() + " " + variant;
    }

    SpeedFigure inRun(String newRun) {
        return new SpeedFigure(workload, description, mountType, variant, unit, mount, nativeValue, newRun);
    }
}
