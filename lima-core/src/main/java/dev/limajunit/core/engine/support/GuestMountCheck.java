package dev.limajunit.core.engine.support;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks in the guest's {@code /proc/mounts} that every declared mount really is mounted, with the file system its
 * mount type gives. Lima mounts 9p and virtiofs with {@code nofail} and never looks again, so a mount that failed
 * leaves an empty directory and a guest that otherwise looks healthy; this check turns that into a start failure.
 * Both engines check with it.
 */
public final class GuestMountCheck {

    private GuestMountCheck() {
    }

    /** The file system type /proc/mounts shows for a mount of this type; empty when any type is fine. */
    public static Optional<String> expectedFsType(MountType type) {
        return switch (type) {
            case NINEP -> Optional.of("9p");
            case VIRTIOFS -> Optional.of("virtiofs");
            case REVERSE_SSHFS -> Optional.of("fuse.sshfs");
            case WSL2 -> Optional.empty();
        };
    }

    /** What is wrong with each mount, in declaration order; empty when all are mounted. */
    public static List<String> problems(GuestMountTable table, MountType type, List<ResolvedMount> mounts) {
        List<String> problems = new ArrayList<>();
        Optional<String> expected = expectedFsType(type);
        for (ResolvedMount mount : mounts) {
            Optional<GuestMountTable.Entry> entry = table.at(mount.mountPoint());
            if (entry.isEmpty()) {
                problems.add(mount.describe() + " is not mounted: nothing is mounted at " + mount.mountPoint()
                        + " in the guest (expected " + expected.orElse(type.yamlName()) + ")");
            } else if (expected.isPresent() && !expected.get().equals(entry.get().fsType())) {
                problems.add(mount.describe() + " is not mounted as " + type.yamlName() + ": /proc/mounts shows "
                        + entry.get().fsType() + " (" + entry.get().source() + ") at " + mount.mountPoint()
                        + ", expected " + expected.get());
            }
        }
        return problems;
    }
}
