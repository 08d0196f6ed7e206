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
 * template; a user's file is kept whole, and only the fields the resolved spec decides (vmType, cpus, memory,
 * mountType, mountInotify, mounts) are replaced. Its {@code disk} and {@code mountTypesUnsupported} stay as written.
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

    /** The resolved spec as a fully written one; the fields it does not resolve keep the base file's values. */
    private static InstanceSpec asWritten(ResolvedInstance spec, InstanceSpec base) {
        List<MountSpec> mounts = new ArrayList<>();
        for (ResolvedMount mount : spec.mounts()) {
            mounts.add(mount(mount, spec.mountType()));
        }
        return new InstanceSpec(spec.vmType(), spec.mountType(), mounts, spec.mountInotify(), spec.cpus(),
                ByteSize.format(spec.memoryBytes()), base.disk(), base.mountTypesUnsupported());
    }

    private static MountSpec mount(ResolvedMount mount, MountType type) {
        SshfsOptions sshfs = SshfsOptions.UNSET;
        NinePOptions ninep = NinePOptions.UNSET;
        VirtiofsOptions virtiofs = VirtiofsOptions.UNSET;
        switch (type) {
            case REVERSE_SSHFS -> sshfs = new SshfsOptions(mount.sshfs().cache(), mount.sshfs().followSymlinks(),
                    mount.sshfs().sftpDriver().yamlName());
            case NINEP -> ninep = new NinePOptions(mount.ninep().securityModel().yamlName(),
                    mount.ninep().protocolVersion().yamlName(), ByteSize.format(mount.ninep().msizeBytes()),
                    mount.ninep().cache().yamlName());
            case VIRTIOFS -> virtiofs = new VirtiofsOptions(mount.virtiofsQueueSize() > 0 ? mount.virtiofsQueueSize() : null);
            case WSL2 -> {
                // Lima has no per-mount options for wsl2
            }
        }
        return new MountSpec(mount.location().toString(), mount.mountPoint(), mount.writable(), sshfs, ninep, virtiofs);
    }
}
