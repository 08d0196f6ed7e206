package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.shell.GuestShell;
import java.util.ArrayList;
import java.util.List;

/** Checks the guest's /proc/mounts: Lima mounts with {@code nofail} and never checks, so a failed mount is silent. */
final class GuestMounts {

    private GuestMounts() {
    }

    /** /proc/mounts writes space, tab, newline and backslash as octal escapes. */
    static String procMountsEscape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }

    /** The mounts (of those given) that /proc/mounts does not list with the expected type. */
    static List<MountWiring> missing(GuestShell shell, List<MountWiring> wirings) {
        String procMounts = shell.execChecked("cat", "/proc/mounts").stdoutText();
        List<MountWiring> missing = new ArrayList<>();
        for (MountWiring wiring : wirings) {
            String point = procMountsEscape(wiring.mount().mountPoint());
            boolean found = procMounts.lines().anyMatch(line -> {
                String[] fields = line.split(" ");
                return fields.length > 2 && fields[1].equals(point) && fields[2].equals(wiring.procMountsType());
            });
            if (!found) {
                missing.add(wiring);
            }
        }
        return missing;
    }
}
