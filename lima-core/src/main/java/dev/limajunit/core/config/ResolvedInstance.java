package dev.limajunit.core.config;

import java.util.List;
import java.util.Objects;

/**
 * An instance spec with every default applied and every rule checked: what an engine boots.
 *
 * @param vmType       effective VM type
 * @param mountType    effective mount type (one per instance, as in Lima)
 * @param mounts       effective mounts, in order
 * @param mountInotify whether host changes are forwarded to the guest as Lima's host agent does
 * @param cpus         virtual CPUs
 * @param memoryBytes  guest memory
 * @param declared     the spec as the user wrote it ({@code null} where unset), so an engine that hands the spec to
 *                     Lima can leave the defaults to Lima instead of writing down our own table
 */
public record ResolvedInstance(
        VmType vmType,
        MountType mountType,
        List<ResolvedMount> mounts,
        boolean mountInotify,
        int cpus,
        long memoryBytes,
        InstanceSpec declared) {

    public ResolvedInstance {
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(declared, "declared");
        if (declared.mounts().size() != mounts.size()) {
            throw new IllegalArgumentException("declared " + declared.mounts().size() + " mounts, resolved "
                    + mounts.size());
        }
    }

    /** An instance resolved by hand, with every field counted as declared. */
    public ResolvedInstance(VmType vmType, MountType mountType, List<ResolvedMount> mounts, boolean mountInotify,
            int cpus, long memoryBytes) {
        this(vmType, mountType, mounts, mountInotify, cpus, memoryBytes,
                declaredInFull(vmType, mountType, mounts, mountInotify, cpus, memoryBytes));
    }

    private static InstanceSpec declaredInFull(VmType vmType, MountType mountType, List<ResolvedMount> mounts,
            boolean mountInotify, int cpus, long memoryBytes) {
        List<MountSpec> written = mounts.stream().map(ResolvedInstance::declaredInFull).toList();
        return new InstanceSpec(vmType, mountType, written, mountInotify, cpus, ByteSize.format(memoryBytes), null,
                List.of());
    }

    private static MountSpec declaredInFull(ResolvedMount mount) {
        ResolvedMount.Sshfs sshfs = mount.sshfs();
        ResolvedMount.NineP ninep = mount.ninep();
        return new MountSpec(mount.location().toString(), mount.mountPoint(), mount.writable(),
                new SshfsOptions(sshfs.cache(), sshfs.followSymlinks(), sshfs.sftpDriver().yamlName()),
                new NinePOptions(ninep.securityModel().yamlName(), ninep.protocolVersion().yamlName(),
                        ByteSize.format(ninep.msizeBytes()), ninep.cache().yamlName()),
                new VirtiofsOptions(mount.virtiofsQueueSize() > 0 ? mount.virtiofsQueueSize() : null));
    }
}
