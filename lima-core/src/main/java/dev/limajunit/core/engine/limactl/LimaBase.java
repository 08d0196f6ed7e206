package dev.limajunit.core.engine.limactl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the generated {@code lima.yaml} starts from: Lima's default template, a named template
 * ({@code template:NAME}), or a {@code lima.yaml} the user wrote. The spec's VM and mount settings are laid over it.
 */
public sealed interface LimaBase {

    /** Lima's {@code template:default} (Ubuntu, plus Lima's default read-only {@code ~} mount). */
    record DefaultTemplate() implements LimaBase {
        @Override
        public String toString() {
            return "template:default";
        }
    }

    /** A template Lima ships or the user stored in {@code $LIMA_HOME/_templates}: {@code template:NAME}. */
    record Template(String name) implements LimaBase {
        public Template {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_./-]*") || name.contains("..")) {
                throw new IllegalArgumentException("template name \"" + name
                        + "\" is not a Lima template name (letters, digits, '_', '.', '-', '/'; no \"..\")");
            }
        }

        @Override
        public String toString() {
            return "template:" + name;
        }
    }

    /** A {@code lima.yaml} file; every field it has that the spec does not set is kept as written. */
    record UserFile(Path file) implements LimaBase {
        public UserFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String toString() {
            return file.toString();
        }
    }

    static LimaBase defaultTemplate() {
        return new DefaultTemplate();
    }

    /**
     * Parses what a user writes: empty, {@code default} or {@code template:default} for the default template,
     * {@code template:NAME} for another template, anything else is a path to a YAML file.
     *
     * @throws IllegalArgumentException naming the value and the rule when the file does not exist
     */
    static LimaBase parse(String value) {
        if (value == null || value.isBlank() || value.equals("default") || value.equals("template:default")
                || value.equals("template://default")) {
            return defaultTemplate();
        }
        if (value.startsWith("template://")) {
            return new Template(value.substring("template://".length()));
        }
        if (value.startsWith("template:")) {
            return new Template(value.substring("template:".length()));
        }
        Path file = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("lima base \"" + value + "\" is neither \"default\", \"template:NAME\" "
                    + "nor an existing lima.yaml file (looked at " + file + ")");
        }
        return new UserFile(file);
    }
}
