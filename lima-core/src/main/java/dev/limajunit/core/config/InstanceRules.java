package dev.limajunit.core.config;

import java.util.List;

/** Instance-level values: cpus at least 1, memory and disk are sizes. */
final class InstanceRules implements SpecRule {

    @Override
    public void check(SpecContext c, List<ValidationIssue> out) {
        InstanceSpec spec = c.spec();
        if (spec.cpus() != null && spec.cpus() < 1) {
            out.add(SpecIssues.error("cpus", spec.cpus(), "must be at least 1"));
        }
        size("memory", spec.memory(), out);
        size("disk", spec.disk(), out);
    }

    private static void size(String field, String value, List<ValidationIssue> out) {
        if (value == null) {
            return;
        }
        try {
            if (ByteSize.parse(value) <= 0) {
                out.add(SpecIssues.error(field, value, "must be larger than zero"));
            }
        } catch (IllegalArgumentException e) {
            out.add(SpecIssues.error(field, value, "is not a size (a number with a unit such as MiB or GiB, e.g. "
                    + "\"4GiB\")"));
        }
    }
}
