package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.support.GuestMountCheck;
import dev.limajunit.core.engine.support.GuestMountTable;
import dev.limajunit.core.shell.GuestShell;
import java.util.List;

/**
 * Checks the guest's /proc/mounts for the qemu engine's wirings, read by the engines' shared {@link GuestMountTable}:
 * Lima mounts with {@code nofail} and never checks, so a failed mount is silent.
 */
final class GuestMounts {

    private GuestMounts() {
    }

    /** The mounts (of those given) that /proc/mounts does not list with the expected type. */
    static List<MountWiring> missing(GuestShell shell, MountType type, List<MountWiring> wirings) {
        String fsType = GuestMountCheck.expectedFsType(type).orElseThrow(() -> new IllegalArgumentException(
                "the qemu engine does not wire " + type));
        GuestMountTable table = GuestMountTable.parse(shell.execChecked("cat", "/proc/mounts").stdoutText());
        return wirings.stream().filter(wiring -> !table.has(wiring.mount().mountPoint(), fsType)).toList();
    }
}
