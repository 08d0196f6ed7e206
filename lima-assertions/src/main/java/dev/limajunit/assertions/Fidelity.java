package dev.limajunit.assertions;

import dev.limajunit.assertions.FileView.Attribute;
import dev.limajunit.core.config.MountType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which attributes a mount type carries across unchanged, so "the guest shows the change" compares only those.
 * Ownership is never compared: every type maps it its own way (see {@link MountedDirectoryAssert#hasGuestOwner}).
 */
final class Fidelity {

    private Fidelity() {
    }

    static Set<Attribute> of(MountType type) {
        return switch (type) {
            // 9p (security model none), virtiofs and sshfs pass mode and mtime (seconds) through as the host has them.
            case NINEP, VIRTIOFS, REVERSE_SSHFS -> EnumSet.allOf(Attribute.class);
            // WSL2 shows Windows files with synthesized permissions.
            case WSL2 -> EnumSet.complementOf(EnumSet.of(Attribute.MODE));
        };
    }
}
