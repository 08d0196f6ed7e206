package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes the {@link MountWiring} of each declared mount for the instance's mount type, as Lima wires it on QEMU;
 * creating one starts nothing. A missing host location is created, as Lima does (validation has already warned).
 */
final class MountWiringFactory {

    private final QemuSettings settings;
    private final Path instanceDir;

    /** @param instanceDir where the wirings keep their sockets and logs */
    MountWiringFactory(QemuSettings settings, Path instanceDir) {
        this.settings = settings;
        this.instanceDir = instanceDir;
    }

    /** @throws IllegalStateException naming the mount and the reason, when one cannot be wired here */
    List<MountWiring> create(MountType type, List<ResolvedMount> mounts) {
        List<MountWiring> wirings = new ArrayList<>();
        VirtiofsdBinary virtiofsd = null;
        for (ResolvedMount mount : mounts) {
            ensureDirectory(mount);
            MountWiring wiring = switch (type) {
                case NINEP -> new NinePMount(mount);
                case VIRTIOFS -> {
                    if (virtiofsd == null) {
                        virtiofsd = virtiofsd();
                    }
                    yield new VirtiofsMount(mount, virtiofsd, instanceDir);
                }
                case REVERSE_SSHFS -> new ReverseSshfsMount(mount, sftpServer(mount), instanceDir);
                default -> throw new IllegalStateException("mountType " + type + " is not supported by the "
                        + "qemu engine");
            };
            wirings.add(wiring);
        }
        return wirings;
    }

    private static void ensureDirectory(ResolvedMount mount) {
        if (Files.notExists(mount.location(), LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectories(mount.location());
            } catch (IOException e) {
                throw new IllegalStateException(mount.describe() + ": location " + mount.location() + " does not exist "
                        + "and could not be created: " + e, e);
            }
        }
        if (!Files.isDirectory(mount.location())) {
            throw new IllegalStateException(mount.describe() + ": location " + mount.location() + " is not a directory "
                    + "on the host");
        }
    }

    private VirtiofsdBinary virtiofsd() {
        try {
            return VirtiofsdBinary.forThisHost(settings.qemuBinary());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("mountType virtiofs: " + e.getMessage(), e);
        }
    }

    private SftpServerFactory sftpServer(ResolvedMount mount) {
        return settings.sftpServer(mount.sshfs().sftpDriver()).orElseThrow(() -> new IllegalStateException(
                mount.describe() + ": sshfs.sftpDriver \"" + mount.sshfs().sftpDriver() + "\" is not available in the "
                        + "qemu engine" + (mount.sshfs().sftpDriver().yamlName().equals("openssh-sftp-server")
                        ? " (no sftp-server binary: install the Debian package openssh-sftp-server)" : "")));
    }
}
