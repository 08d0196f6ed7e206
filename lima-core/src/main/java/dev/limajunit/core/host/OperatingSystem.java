package dev.limajunit.core.host;

import java.util.Locale;

/** The host operating system family; the mount rules differ per family. */
public enum OperatingSystem {
    LINUX("Linux"),
    MACOS("macOS"),
    WINDOWS("Windows"),
    OTHER("another OS");

    private final String displayName;

    OperatingSystem(String displayName) {
        this.displayName = displayName;
    }

    /** The family of the JVM's host, from {@code os.name}. */
    public static OperatingSystem current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) {
            return LINUX;
        } else if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        } else if (name.startsWith("windows")) {
            return WINDOWS;
        }
        return OTHER;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
