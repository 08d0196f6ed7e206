package dev.limajunit.core.yaml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds Lima's real templates ({@code shared/lima-templates}, beside the clone) by walking up from the build dir. */
final class LimaTemplates {

    private LimaTemplates() {
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/lima-templates");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "Lima's templates (shared/lima-templates beside the clone) are not on this machine");
        return null;
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    /** Every .yaml under the templates dir, including _images/ and _default/. */
    static Stream<Path> all() {
        try (Stream<Path> files = Files.walk(dir())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
