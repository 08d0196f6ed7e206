package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.ByteSize;
import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SshfsOptions;
import dev.limajunit.core.config.VirtiofsOptions;
import dev.limajunit.core.yaml.LimaDocument;
import dev.limajunit.core.yaml.LimaYaml;
import dev.limajunit.core.yaml.LimaYamlException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code lima.yaml} through the project's lima.yaml model ({@link LimaDocument}). Templates are referenced
 * through Lima's {@code base:} list ({@code template:NAME}), so Lima itself fills in images and the rest of the
 * template; a user's file is kept whole, and only the fields the spec decides (vmType, cpus, memory, mountType,
 * mountInotify, mounts) are replaced. Its {@code disk} and {@code mountTypesUnsupported} stay as written.
 *
 * <p>Only what the user declared is written (and each mount's location, made absolute): every other field is left
 * for Lima to default, so a matrix run against Lima observes Lima's defaults, never our own table of them.
 */
final class LimaYamlComposer implements LimaYamlWriter {

    @Override
    public String write(ResolvedInstance spec, LimaBase base) {
        LimaDocument document;
        try {
            document = base instanceof LimaBase.UserFile file
                    ? LimaYaml.read(file.file())
                    : LimaYaml.parse("base:\n- " + base + "\n");
        } catch (LimaYamlException e) {
            throw new IllegalArgumentException("lima base " + base + ": " + e.getMessage(), e);
        }
        if (!document.isMapping() && base instanceof LimaBase.UserFile) {
            document = LimaDocument.empty();
        }
        InstanceSpec written = document.readSpec().spec();
        return document.withSpec(asWritten(spec, written)).toYaml();
    }

    /** The declared fields with their resolved values; the fields it does not decide keep the base file's values. */
    private static InstanceSpec asWritten(ResolvedInstance spec, InstanceSpec base) {
        InstanceSpec declared = spec.declared();
        List<MountSpec> mounts = new ArrayList<>();
        for (int i = 0; i < spec.mounts().size(); i++) {
            mounts.add(mount(spec.mounts().get(i), declared.mounts().get(i), spec.mountType()));
        }
        return new InstanceSpec(
                declared.vmType() != null ? spec.vmType() : null,
                declared.mountType() != null ? spec.mountType() : null,
                mounts,
                declared.mountInotify() != null ? spec.mountInotify() : null,
                declared.cpus() != null ? spec.cpus() : null,
                declared.memory() != null ? ByteSize.format(spec.memoryBytes()) : null,
                base.disk(), base.mountTypesUnsupported());
    }

    private static MountSpec mount(ResolvedMount mount, MountSpec declared, MountType type) {
        SshfsOptions sshfs = SshfsOptions.UNSET;
        NinePOptions ninep = NinePOptions.UNSET;
        VirtiofsOptions virtiofs = VirtiofsOptions.UNSET;
        switch (type) {
            case REVERSE_SSHFS -> {
                SshfsOptions d = declared.sshfs();
                sshfs = new SshfsOptions(
                        d.cache() != null ? mount.sshfs().cache() : null,
                        d.followSymlinks() != null ? mount.sshfs().followSymlinks() : null,
                        d.sftpDriver() != null ? mount.sshfs().sftpDriver().yamlName() : null);
            }
            case NINEP -> {
                NinePOptions d = declared.ninep();
                ResolvedMount.NineP r = mount.ninep();
                ninep = new NinePOptions(
                        d.securityModel() != null ? r.securityModel().yamlName() : null,
                        d.protocolVersion() != null ? r.protocolVersion().yamlName() : null,
                        d.msize() != null ? ByteSize.format(r.msizeBytes()) : null,
                        d.cache() != null ? r.cache().yamlName() : null);
            }
            case VIRTIOFS -> virtiofs = new VirtiofsOptions(
                    declared.virtiofs().queueSize() != null ? mount.virtiofsQueueSize() : null);
            case WSL2 -> {
                // Lima has no per-mount options for wsl2
            }
        }
        return new MountSpec(mount.location().toString(),
                declared.mountPoint() != null ? mount.mountPoint() : null,
                declared.writable() != null ? mount.writable() : null,
                sshfs, ninep, virtiofs);
    }
}
