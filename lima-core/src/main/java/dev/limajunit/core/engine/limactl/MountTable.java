package dev.limajunit.core.engine.limactl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guest's {@code /proc/mounts}: one line per mount, {@code SOURCE TARGET FSTYPE OPTIONS 0 0}, with space, tab,
 * newline and backslash in paths written as octal escapes ({@code \040}).
 */
record MountTable(List<Entry> entries) {

    /** One mounted file system. */
    record Entry(String source, String target, String fsType, String options) {}

    MountTable {
        entries = List.copyOf(entries);
    }

    static MountTable parse(String procMounts) {
        List<Entry> entries = new ArrayList<>();
        for (String line : procMounts.split("\n")) {
            String[] f = line.strip().split("[ \t]+");
            if (f.length >= 4) {
                entries.add(new Entry(unescape(f[0]), unescape(f[1]), f[2], f[3]));
            }
        }
        return new MountTable(entries);
    }

    /** The mount that is visible at {@code target}: the last one mounted there, which hides the earlier ones. */
    Optional<Entry> at(String target) {
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.target().equals(target)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
