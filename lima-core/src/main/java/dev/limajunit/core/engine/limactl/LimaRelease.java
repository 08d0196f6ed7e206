package dev.limajunit.core.engine.limactl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lima version {@code limactl --version} reports ({@code limactl version 2.2.0}; development builds add a
 * suffix such as {@code 2.2.0-153-gabcdef}). Compared by major, minor and patch only.
 */
public record LimaRelease(int major, int minor, int patch, String raw) implements Comparable<LimaRelease> {

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Parses the output of {@code limactl --version}.
     *
     * @throws IllegalArgumentException quoting the output when it holds no version
     */
    public static LimaRelease parseVersionOutput(String output) {
        String text = output == null ? "" : output.strip();
        String rest = text.startsWith("limactl version ") ? text.substring("limactl version ".length()) : text;
        Matcher m = VERSION.matcher(rest);
        if (!m.find()) {
            throw new IllegalArgumentException("`limactl --version` printed no version: \"" + text + "\"");
        }
        int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new LimaRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch, rest.strip());
    }

    /** {@code "0.21"} or {@code "1.0.2"}. */
    public static LimaRelease of(String version) {
        return parseVersionOutput(version);
    }

    public boolean atLeast(String version) {
        return compareTo(of(version)) >= 0;
    }

    @Override
    public int compareTo(LimaRelease o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return raw;
    }
}
