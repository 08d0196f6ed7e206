package dev.limajunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.shell.GuestShell;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's own {@code /proc/mounts}: what the guest kernel mounted, where and with which options, as opposed to
 * what the test declared or lima-junit resolved. The "default" samples read it so that they observe Lima's defaults.
 */
final class ProcMounts {

    /** One line: {@code SOURCE TARGET FSTYPE OPTIONS 0 0}. */
    record Entry(String source, String target, String fsType, List<String> options) {}

    /** /proc/mounts writes space, tab, newline and backslash in paths as octal escapes ({@code \040}). */
    private static final Pattern OCTAL = Pattern.compile("\\\\([0-7]{3})");

    private ProcMounts() {
    }

    /** The mount the guest shows at {@code target} (the last one there, which hides earlier ones); fails if none. */
    static Entry at(GuestShell shell, String target) {
        String table = shell.execChecked("cat", "/proc/mounts").stdoutText();
        Entry found = null;
        for (String line : table.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length >= 4 && unescape(f[1]).equals(target)) {
                found = new Entry(unescape(f[0]), unescape(f[1]), f[2], List.of(f[3].split(",")));
            }
        }
        assertThat(found).as("the guest's /proc/mounts has a mount at %s:%n%s", target, table).isNotNull();
        return found;
    }

    private static String unescape(String field) {
        Matcher m = OCTAL.matcher(field);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 8))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The file system type the guest kernel shows for a mount of {@code type}. */
    static String fsType(MountType type) {
        return switch (type) {
            case NINEP -> "9p";
            case VIRTIOFS -> "virtiofs";
            case REVERSE_SSHFS -> "fuse.sshfs";
            case WSL2 -> throw new IllegalArgumentException("no guest mount table for " + type);
        };
    }
}
