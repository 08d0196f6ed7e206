package dev.limajunit.core.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds executables on PATH, then in the fixed places packages put them outside PATH. */
final class BinaryFinder {

    private final List<Path> pathDirs;
    private final boolean windows;

    BinaryFinder(String pathVariable, boolean windows) {
        this.windows = windows;
        this.pathDirs = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    pathDirs.add(Path.of(dir));
                }
            }
        }
    }

    static BinaryFinder forThisHost() {
        return new BinaryFinder(System.getenv("PATH"), OperatingSystem.current() == OperatingSystem.WINDOWS);
    }

    /** {@code name} on PATH, else the first of {@code fallbacks} that is an executable file. */
    Optional<Path> find(String name, String... fallbacks) {
        for (Path dir : pathDirs) {
            for (String candidate : windows ? List.of(name + ".exe", name) : List.of(name)) {
                Path file = dir.resolve(candidate);
                if (isExecutable(file)) {
                    return Optional.of(file);
                }
            }
        }
        for (String fallback : fallbacks) {
            Path file = Path.of(fallback);
            if (isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutable(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
