package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.host.Virtiofsd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * virtiofs (one Rust virtiofsd per mount, run as Lima runs it; vhost-user-fs-pci). Lima does not ask virtiofsd to serve
 * read-only, so a read-only mount is read-only only through the guest's {@code mount -o ro}: the guest kernel refuses
 * the write with EROFS before it reaches the host.
 */
class VirtiofsMountIT extends AbstractMountTypeIT {

    @Override
    MountType mountType() {
        return MountType.VIRTIOFS;
    }

    @Test
    void mountsByTagWithOneVirtiofsdPerMount() {
        String mounts = instance.shell().execChecked("cat", "/proc/mounts").stdoutText();

        assertThat(mounts).containsPattern("lima-[0-9a-f]{16} /mnt/rw virtiofs rw")
                .containsPattern("lima-[0-9a-f]{16} /mnt/ro virtiofs ro");
        assertThat(instance.diagnosticFiles()).containsKeys("virtiofsd-0.log", "virtiofsd-1.log");
    }

    @Test
    void theRustVirtiofsdServesWithLimasArguments() throws IOException {
        Virtiofsd virtiofsd = instance.virtiofsd().orElseThrow();

        assertThat(virtiofsd.kind()).isEqualTo(Virtiofsd.Kind.RUST);
        assertThat(virtiofsd.version()).matches("virtiofsd \\d+\\.\\d+\\.\\d+");
        List<String> argv = commandLineServing(rwDir);
        assertThat(argv).hasSize(5).startsWith(virtiofsd.path().toString(), "--socket-path");
        assertThat(argv.get(2)).endsWith("virtiofs-0.sock");
        assertThat(argv.subList(3, 5)).containsExactly("--shared-dir", rwDir.toString());
    }

    /** The command line of the host process serving this directory, read from /proc. */
    private static List<String> commandLineServing(Path directory) throws IOException {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    List<String> argv = List.of(Files.readString(p.resolve("cmdline")).split("\0"));
                    if (argv.contains(directory.toString()) && argv.get(0).endsWith("virtiofsd")) {
                        return argv;
                    }
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        throw new AssertionError("no virtiofsd process serves " + directory);
    }
}
