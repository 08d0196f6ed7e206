package dev.limajunit.core.config;

import java.nio.file.Path;

/**
 * A mount with every default applied and every rule checked: what an engine wires.
 *
 * @param index      position in {@code mounts:}, for messages ({@code mounts[1]})
 * @param location   absolute host directory, {@code ~} expanded
 * @param mountPoint absolute guest directory (defaults to the location)
 * @param writable   false unless the user said otherwise
 * @param sshfs      effective sshfs options (meaningful for reverse-sshfs)
 * @param ninep      effective 9p options (meaningful for 9p)
 * @param virtiofsQueueSize queue size for vhost-user-fs-pci; 0 means QEMU's default
 */
public record ResolvedMount(
        int index,
        Path location,
        String mountPoint,
        boolean writable,
        Sshfs sshfs,
        NineP ninep,
        int virtiofsQueueSize) {

    /** Effective sshfs options. */
    public record Sshfs(boolean cache, boolean followSymlinks, SftpDriver sftpDriver) {}

    /** Effective 9p options; {@code msizeBytes} is at least 4096. */
    public record NineP(SecurityModel securityModel, ProtocolVersion protocolVersion, long msizeBytes,
            NinePCache cache) {}

    /** How messages name this mount: {@code mounts[1] (/home/me/src)}. */
    public String describe() {
        return "mounts[" + index + "] (" + location + ")";
    }
}
