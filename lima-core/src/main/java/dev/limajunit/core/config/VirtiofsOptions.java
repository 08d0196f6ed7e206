package dev.limajunit.core.config;

/**
 * The {@code virtiofs:} block of a mount, as written. A {@code null} field means "Lima's builtin default".
 *
 * @param queueSize the vhost-user-fs-pci queue size (Lima leaves it to QEMU's default when unset)
 */
public record VirtiofsOptions(Integer queueSize) {
    public static final VirtiofsOptions UNSET = new VirtiofsOptions(null);
}
