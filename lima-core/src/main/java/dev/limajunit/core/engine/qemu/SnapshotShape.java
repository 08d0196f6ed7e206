package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The devices a boot snapshot must be taken with so that a spec's mounts can be wired after a restore: 9p devices
 * cannot be added to a running QEMU, so one placeholder per 9p mount is declared at boot (path and tag are set again
 * at restore); virtiofs devices are hot-plugged, but need guest memory shared from boot; reverse-sshfs needs nothing.
 *
 * @param ninePDevices placeholder 9p devices
 * @param sharedMemory whether guest memory is a shared file
 */
record SnapshotShape(int ninePDevices, boolean sharedMemory) {

    static SnapshotShape of(ResolvedInstance spec) {
        return new SnapshotShape(spec.mountType() == MountType.NINEP ? spec.mounts().size() : 0,
                spec.mountType() == MountType.VIRTIOFS);
    }

    /**
     * The capabilities both sides of the migration need: with shared memory, the memory file is not in the stream
     * (the restore maps a copy of it).
     */
    Map<String, Object> migrationCapabilities() {
        return Map.of("capabilities", List.of(Map.of("capability", "x-ignore-shared",
                "state", sharedMemory)));
    }

    /** The placeholder 9p devices, all serving {@code emptyDirectory}; unmounted, they do not block migration. */
    List<String> placeholderDevices(Path emptyDirectory) {
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < ninePDevices; i++) {
            devices.addAll(List.of("-virtfs", "local,mount_tag=" + MountTag.placeholder(i) + ",path="
                    + QemuOptionValue.escape(emptyDirectory.toString()) + ",security_model=none"));
        }
        return devices;
    }
}
