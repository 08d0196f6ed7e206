package dev.limajunit.core.config;

import java.util.List;

/**
 * An instance spec with every default applied and every rule checked: what an engine boots.
 *
 * @param vmType       effective VM type
 * @param mountType    effective mount type (one per instance, as in Lima)
 * @param mounts       effective mounts, in order
 * @param mountInotify whether host changes are forwarded to the guest as Lima's host agent does
 * @param cpus         virtual CPUs
 * @param memoryBytes  guest memory
 */
public record ResolvedInstance(
        VmType vmType,
        MountType mountType,
        List<ResolvedMount> mounts,
        boolean mountInotify,
        int cpus,
        long memoryBytes) {

    public ResolvedInstance {
        mounts = List.copyOf(mounts);
    }
}
