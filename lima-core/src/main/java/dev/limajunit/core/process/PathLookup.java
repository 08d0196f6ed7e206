package dev.limajunit.core.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an executable as a shell would: the first regular, executable file of that name in the directories of a
 * {@code PATH} value, in order (on Windows {@code name.exe} before {@code name}), then, when given, the first of a
 * list of fixed places packages put it outside PATH. The one PATH lookup of lima-core: the host probe, the virtiofsd
 * locator and the limactl engine all ask it.
 */
public final class PathLookup {

    private final List<Path> directories;
    private final boolean windows;

    /**
     * @param pathVariable a {@code PATH} value ({@code null} or empty: no directories)
     * @param windows      whether to try {@code name.exe} first
     */
    public PathLookup(String pathVariable, boolean windows) {
        this.windows = windows;
        this.directories = new ArrayList<>();
        if (pathVariable != null) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    directories.add(Path.of(dir));
                }
            }
        }
    }

    /** The lookup a process started with {@code environment} makes (its {@code PATH}; no {@code .exe} names). */
    public static PathLookup of(Map<String, String> environment) {
        return new PathLookup(environment.get("PATH"), false);
    }

    /** {@code name} in a PATH directory, else the first of {@code fallbacks} that is an executable file. */
    public Optional<Path> find(String name, String... fallbacks) {
        for (Path dir : directories) {
            for (String candidate : windows ? List.of(name + ".exe", name) : List.of(name)) {
                Path file = dir.resolve(candidate);
                if (isExecutableFile(file)) {
                    return Optional.of(file);
                }
            }
        }
        for (String fallback : fallbacks) {
            Path file = Path.of(fallback);
            if (isExecutableFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static boolean isExecutableFile(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }
}
