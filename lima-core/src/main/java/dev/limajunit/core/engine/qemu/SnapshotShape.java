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
 * at restore); virtiofs devices are hot-plugged; reverse-sshfs needs nothing. Guest memory is always a shared file,
 * saved beside the migration stream rather than in it: a restore copies the file's touched pages (~0.1 s) instead of
 * having QEMU parse every page from the stream (0.3-3 s for the samples' 4 GiB guests), and virtiofsd needs guest
 * memory shared anyway.
 *
 * @param ninePDevices placeholder 9p devices
 */
record SnapshotShape(int ninePDevices) {

    /** Both sides of the migration leave shared memory out of the stream (QEMU's x-ignore-shared). */
    static final Map<String, Object> MIGRATION_CAPABILITIES = Map.of("capabilities",
            List.of(Map.of("capability", "x-ignore-shared", "state", true)));

    static SnapshotShape of(ResolvedInstance spec) {
        return new SnapshotShape(spec.mountType() == MountType.NINEP ? spec.mounts().size() : 0);
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
