package dev.limajunit.core.config;

/**
 * Names one entry of {@code mounts:} in messages: {@code mounts[1] (~/src)}, with the location as written.
 *
 * @param index    position in the list
 * @param location the location as the user wrote it (may be {@code null})
 */
public record MountRef(int index, String location) {

    /** {@code mounts[1] (~/src)}. */
    public String label() {
        return "mounts[" + index + "]" + (location == null ? "" : " (" + location + ")");
    }

    /** The machine-readable path of a field of this mount: {@code mounts[1].9p.msize}. */
    public String field(String name) {
        return "mounts[" + index + "]." + name;
    }

    /** An error about {@code field}: {@code mounts[1] (~/src): 9p.msize "2KiB" is below the 4KiB minimum}. */
    public ValidationIssue error(String field, Object value, String rule) {
        return ValidationIssue.error(field(field), label() + ": " + field + " " + Quote.of(value) + " " + rule);
    }

    public ValidationIssue warning(String field, Object value, String rule) {
        return ValidationIssue.warning(field(field), label() + ": " + field + " " + Quote.of(value) + " " + rule);
    }
}
