package dev.limajunit.core.config;

import java.util.List;

/**
 * Per-mount options: 9p securityModel/protocolVersion/cache and sshfs sftpDriver take only their listed values,
 * msize parses and is at least 4KiB, virtiofs queueSize is a power of two up to 1024 (QEMU's limits);
 * mapped-xattr/mapped-file break symlinks, a writable reverse-sshfs mount is discouraged, mountInotify skips
 * read-only mounts, and options for another mount type are ignored (warnings).
 */
final class MountOptionRules implements SpecRule {

    private static final int MAX_QUEUE_SIZE = 1024;

    @Override
    public void check(SpecContext c, List<ValidationIssue> out) {
        for (int i = 0; i < c.mounts().size(); i++) {
            MountSpec mount = c.mounts().get(i);
            MountRef ref = c.ref(i);
            checkNineP(mount.ninep(), ref, out);
            checkSshfs(mount.sshfs(), ref, out);
            checkVirtiofs(mount.virtiofs(), ref, out);
            checkIgnoredOptions(c, mount, ref, out);
            boolean writable = mount.writable() != null ? mount.writable() : LimaDefaults.WRITABLE;
            if (writable && c.mountType() == MountType.REVERSE_SSHFS) {
                out.add(ref.warning("writable", true, "is discouraged with " + c.mountTypeWords()
                        + " (Lima's advice: a compromised sshfs in the guest may reach unexposed host directories)"));
            }
            if (!writable && Boolean.TRUE.equals(c.spec().mountInotify())) {
                out.add(ref.warning("writable", false, "means mountInotify forwards no host events to this mount "
                        + "(it acts only on writable mounts)"));
            }
        }
    }

    private static void checkNineP(NinePOptions ninep, MountRef ref, List<ValidationIssue> out) {
        if (ninep.securityModel() != null) {
            try {
                SecurityModel model = SecurityModel.fromYaml(ninep.securityModel());
                if (model == SecurityModel.MAPPED_XATTR || model == SecurityModel.MAPPED_FILE) {
                    out.add(ref.warning("9p.securityModel", ninep.securityModel(),
                            "is incompatible with symlinks: symlinks in this mount will not work"));
                }
            } catch (IllegalArgumentException e) {
                out.add(ref.error("9p.securityModel", ninep.securityModel(), "is not one of "
                        + SecurityModel.allowed()));
            }
        }
        if (ninep.protocolVersion() != null) {
            try {
                if (ProtocolVersion.fromYaml(ninep.protocolVersion()) == ProtocolVersion.P9_2000) {
                    // Lima accepts it, but QEMU answers the legacy Tversion with "unknown" (NinePProtocolVersionIT)
                    out.add(ref.warning("9p.protocolVersion", ninep.protocolVersion(), "cannot be mounted: QEMU's"
                            + " 9p server speaks only 9p2000.u and 9p2000.L, and the guest's mount fails with"
                            + " \"Remote I/O error\""));
                }
            } catch (IllegalArgumentException e) {
                out.add(ref.error("9p.protocolVersion", ninep.protocolVersion(),
                        "is not one of " + ProtocolVersion.allowed()));
            }
        }
        if (ninep.cache() != null) {
            try {
                NinePCache.fromYaml(ninep.cache());
            } catch (IllegalArgumentException e) {
                out.add(ref.error("9p.cache", ninep.cache(), "is not one of " + NinePCache.allowed()));
            }
        }
        if (ninep.msize() != null) {
            try {
                long bytes = ByteSize.parse(ninep.msize());
                if (bytes < LimaDefaults.NINEP_MIN_MSIZE) {
                    out.add(ref.error("9p.msize", ninep.msize(), "is below the 4KiB minimum"));
                }
            } catch (IllegalArgumentException e) {
                out.add(ref.error("9p.msize", ninep.msize(),
                        "is not a size (a number with an optional unit such as KiB or MiB, e.g. \"128KiB\")"));
            }
        }
    }

    private static void checkSshfs(SshfsOptions sshfs, MountRef ref, List<ValidationIssue> out) {
        if (sshfs.sftpDriver() != null) {
            try {
                SftpDriver.fromYaml(sshfs.sftpDriver());
            } catch (IllegalArgumentException e) {
                out.add(ref.error("sshfs.sftpDriver", sshfs.sftpDriver(), "is not one of " + SftpDriver.allowed()));
            }
        }
    }

    private static void checkVirtiofs(VirtiofsOptions virtiofs, MountRef ref, List<ValidationIssue> out) {
        Integer size = virtiofs.queueSize();
        if (size != null && (size < 1 || size > MAX_QUEUE_SIZE || Integer.bitCount(size) != 1)) {
            out.add(ref.error("virtiofs.queueSize", size, "must be a power of two from 1 to " + MAX_QUEUE_SIZE
                    + " (QEMU's vhost-user-fs-pci limits)"));
        }
    }

    private static void checkIgnoredOptions(SpecContext c, MountSpec mount, MountRef ref, List<ValidationIssue> out) {
        ignored(c, MountType.NINEP, "9p", !mount.ninep().equals(NinePOptions.UNSET), ref, out);
        ignored(c, MountType.REVERSE_SSHFS, "sshfs", !mount.sshfs().equals(SshfsOptions.UNSET), ref, out);
        ignored(c, MountType.VIRTIOFS, "virtiofs", !mount.virtiofs().equals(VirtiofsOptions.UNSET), ref, out);
    }

    private static void ignored(
            SpecContext c, MountType owner, String block, boolean set, MountRef ref, List<ValidationIssue> out) {
        if (set && c.mountType() != owner) {
            out.add(ValidationIssue.warning(ref.field(block), ref.label() + ": the " + block
                    + " options are ignored with " + c.mountTypeWords()));
        }
    }
}
