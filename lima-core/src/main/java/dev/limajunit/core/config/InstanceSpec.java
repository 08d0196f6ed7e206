package dev.limajunit.core.config;

import java.util.List;

/**
 * What a test asks for: a VM of a type, with mounts of a type, as written. {@code null} means "not set".
 * Turned into a {@link ResolvedInstance} (defaults applied, validated) before anything boots.
 *
 * @param vmType                 {@code null}: the engine's default (qemu on Linux)
 * @param mountType              {@code null}: Lima's default for the Lima version and vmType
 * @param mounts                 the mounts, in order
 * @param mountInotify           {@code null}: false
 * @param cpus                   {@code null}: engine default
 * @param memory                 e.g. "1GiB"; {@code null}: engine default
 * @param disk                   e.g. "10GiB"; {@code null}: engine default
 * @param mountTypesUnsupported  the template's {@code mountTypesUnsupported} list (may be empty)
 */
public record InstanceSpec(
        VmType vmType,
        MountType mountType,
        List<MountSpec> mounts,
        Boolean mountInotify,
        Integer cpus,
        String memory,
        String disk,
        List<MountType> mountTypesUnsupported) {

    public InstanceSpec {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        mountTypesUnsupported = mountTypesUnsupported == null ? List.of() : List.copyOf(mountTypesUnsupported);
    }

    public static InstanceSpec of(MountType mountType, MountSpec... mounts) {
        return new InstanceSpec(null, mountType, List.of(mounts), null, null, null, null, List.of());
    }

    public InstanceSpec withVmType(VmType value) {
        return new InstanceSpec(value, mountType, mounts, mountInotify, cpus, memory, disk, mountTypesUnsupported);
    }

    public InstanceSpec withMountType(MountType value) {
        return new InstanceSpec(vmType, value, mounts, mountInotify, cpus, memory, disk, mountTypesUnsupported);
    }

    public InstanceSpec withMounts(List<MountSpec> value) {
        return new InstanceSpec(vmType, mountType, value, mountInotify, cpus, memory, disk, mountTypesUnsupported);
    }

    public InstanceSpec withMountInotify(Boolean value) {
        return new InstanceSpec(vmType, mountType, mounts, value, cpus, memory, disk, mountTypesUnsupported);
    }

    public InstanceSpec withCpus(Integer value) {
        return new InstanceSpec(vmType, mountType, mounts, mountInotify, value, memory, disk, mountTypesUnsupported);
    }

    public InstanceSpec withMemory(String value) {
        return new InstanceSpec(vmType, mountType, mounts, mountInotify, cpus, value, disk, mountTypesUnsupported);
    }
}
