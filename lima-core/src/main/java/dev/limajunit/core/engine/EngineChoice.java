package dev.limajunit.core.engine;

import java.util.Locale;

/** Which engine boots an instance: a named one, or {@link #AUTO} (limactl when installed, else qemu). */
public enum EngineChoice {
    AUTO,
    LIMACTL,
    QEMU;

    /** The spelling used in configuration ({@code auto}, {@code limactl}, {@code qemu}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a configuration value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and the allowed values
     */
    public static EngineChoice parse(String value) {
        String trimmed = value == null ? "" : value.trim();
        for (EngineChoice choice : values()) {
            if (choice.configName().equalsIgnoreCase(trimmed)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not one of \"auto\", \"limactl\", \"qemu\"");
    }

    @Override
    public String toString() {
        return configName();
    }
}
