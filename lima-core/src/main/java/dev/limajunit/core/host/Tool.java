package dev.limajunit.core.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host binary that was found.
 *
 * @param path    where it is
 * @param version what its version query printed (first line), or empty when it has none
 */
public record Tool(Path path, String version) {

    public Tool {
        Objects.requireNonNull(path, "path");
        version = version == null ? "" : version;
    }

    public static Tool at(String path) {
        return new Tool(Path.of(path), "");
    }

    public static Tool at(String path, String version) {
        return new Tool(Path.of(path), version);
    }

    @Override
    public String toString() {
        return version.isEmpty() ? path.toString() : path + " (" + version + ")";
    }
}
