package dev.limajunit.core.engine.support;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The guest's {@code /proc/mounts}: one line per mount, {@code SOURCE TARGET FSTYPE OPTIONS 0 0}, with space, tab,
 * newline and backslash in paths written as octal escapes ({@code \040}). The one reader of it for both engines.
 */
public record GuestMountTable(List<Entry> entries) {

    /** One mounted file system. */
    public record Entry(String source, String target, String fsType, String options) {}

    public GuestMountTable {
        entries = List.copyOf(entries);
    }

    /** Reads the guest's mount table through its shell. */
    public static GuestMountTable read(GuestShell shell) {
        return parse(shell.execChecked(Command.of("cat", "/proc/mounts").timeout(Duration.ofSeconds(30))).stdoutText());
    }

    public static GuestMountTable parse(String procMounts) {
        List<Entry> entries = new ArrayList<>();
        for (String line : procMounts.split("\n")) {
            String[] f = line.strip().split("[ \t]+");
            if (f.length >= 4) {
                entries.add(new Entry(unescape(f[0]), unescape(f[1]), f[2], f[3]));
            }
        }
        return new GuestMountTable(entries);
    }

    /** A path as /proc/mounts writes it: space, tab, newline and backslash as octal escapes. */
    public static String escape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }

    /** The mount that is visible at {@code target}: the last one mounted there, which hides the earlier ones. */
    public Optional<Entry> at(String target) {
        Entry found = null;
        for (Entry entry : entries) {
            if (entry.target().equals(target)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether any mount at {@code target} (visible or hidden by a later one) has the file system {@code fsType}. */
    public boolean has(String target, String fsType) {
        return entries.stream().anyMatch(entry -> entry.target().equals(target) && entry.fsType().equals(fsType));
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
