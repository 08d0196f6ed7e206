package dev.limajunit.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lima release, as {@code limactl --version} prints it ({@code limactl version 2.2.0}). Defaults and some rules
 * depend on it (the seed's default mount type table, mountInotify needs 0.21).
 */
public record LimaVersion(int major, int minor, int patch) implements Comparable<LimaVersion> {

    /** The Lima release whose behaviour the qemu engine reproduces (DESIGN.md: facts read from Lima v2.2). */
    public static final LimaVersion MODELLED = new LimaVersion(2, 2, 0);

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Parses {@code "limactl version 2.2.0"}, {@code "2.2.0"}, {@code "v0.21.0-rc.1"} or {@code "1.0"}.
     *
     * @throws IllegalArgumentException when no version number is in the text
     */
    public static LimaVersion parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text);
        if (!m.find()) {
            throw new IllegalArgumentException("no Lima version (like 2.2.0) in \"" + text + "\"");
        }
        return new LimaVersion(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public static LimaVersion of(int major, int minor) {
        return new LimaVersion(major, minor, 0);
    }

    public boolean isAtLeast(int major, int minor) {
        return compareTo(of(major, minor)) >= 0;
    }

    @Override
    public int compareTo(LimaVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
