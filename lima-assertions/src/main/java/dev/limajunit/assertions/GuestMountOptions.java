package dev.limajunit.assertions;

import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestCommandException;
import dev.limajunit.core.shell.GuestShell;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The guest kernel's own view of one mount: its /proc/mounts line (the last one, where mounts are stacked). */
record GuestMountOptions(String line, List<String> options) {

    static Optional<GuestMountOptions> at(GuestShell shell, String mountPoint) {
        ExecResult result = shell.exec("cat", "/proc/mounts");
        if (!result.succeeded()) {
            throw new GuestCommandException(result);
        }
        GuestMountOptions found = null;
        for (String line : result.stdoutText().split("\n")) {
            String[] fields = line.split(" ");
            if (fields.length >= 4 && unescape(fields[1]).equals(mountPoint)) {
                found = new GuestMountOptions(line, Arrays.asList(fields[3].split(",")));
            }
        }
        return Optional.ofNullable(found);
    }

    boolean readOnly() {
        return options.contains("ro");
    }

    /** /proc/mounts writes space, tab, newline and backslash as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
