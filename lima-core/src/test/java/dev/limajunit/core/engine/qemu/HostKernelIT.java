package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host-kernel path, which most Debian workstations take (their kernel under /boot has 9p, virtiofs and FUSE
 * modules) but CI machines without a /boot never do: Debian's kernel package is laid out as an installed kernel would
 * be ({@code boot/vmlinuz-R}, {@code lib/modules/R}), and the guest kernel made from it must be the very one the
 * package path makes, which every VM test boots.
 */
class HostKernelIT {

    @Test
    void anInstalledDebianKernelGivesTheSameGuestKernelAsItsPackage(@TempDir Path dir) throws IOException {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/apt-get")) && Files.isExecutable(Path.of("/usr/bin/dpkg-deb")))
                .as("apt-get and dpkg-deb (Debian) fetch and unpack the kernel package").isTrue();
        DebianKernelPackage pkg = DebianKernelPackage.resolve();
        Path deb = pkg.download(Files.createDirectory(dir.resolve("download")));
        Path root = Files.createDirectory(dir.resolve("root"));
        String release = install(deb, root);
        Path libModules = Files.isDirectory(root.resolve("lib/modules")) ? root.resolve("lib/modules")
                : root.resolve("usr/lib/modules");

        Optional<HostKernel> host = HostKernel.find(root.resolve("boot"), libModules, release);

        assertThat(host).as("the kernel " + release + " laid out under " + root).isPresent();
        assertThat(host.get().id()).startsWith("host-" + release + "-");
        Path fromHost = Files.createDirectory(dir.resolve("from-host"));
        Path fromPackage = Files.createDirectory(dir.resolve("from-package"));
        host.get().materialize(fromHost);
        DebianKernelPackage.materialize(deb, fromPackage);

        List<String> order = Files.readAllLines(fromPackage.resolve(GuestKernel.LOAD_ORDER));
        assertThat(Files.readAllLines(fromHost.resolve(GuestKernel.LOAD_ORDER))).as("module load order")
                .isEqualTo(order).contains("9p", "fuse", "virtiofs", "virtio_net");
        assertThat(Files.mismatch(fromHost.resolve(GuestKernel.IMAGE), fromPackage.resolve(GuestKernel.IMAGE)))
                .as("first differing byte of the two " + GuestKernel.IMAGE + " images").isEqualTo(-1L);
        for (String module : order) {
            Path name = Path.of(GuestKernel.MODULES, module + ".ko");
            assertThat(Files.mismatch(fromHost.resolve(name), fromPackage.resolve(name))).as(name.toString())
                    .isEqualTo(-1L);
        }
        GuestKernel kernel = GuestKernel.read(host.get().id(), fromHost);
        assertThat(kernel.modules()).hasSameSizeAs(order);
        System.out.println("host kernel path: " + release + ", " + order.size() + " modules in load order " + order);
    }

    /**
     * Unpacks what an installed kernel has under /boot and /lib/modules (its image, modules.builtin and the module
     * trees the guest's modules come from; the whole package unpacks to ~400 MB), returning its release.
     */
    private static String install(Path deb, Path root) {
        String[] release = new String[1];
        HostTool.stream(List.of("dpkg-deb", "--fsys-tarfile", deb.toString()), stdout -> {
            TarArchiveInputStream tar = new TarArchiveInputStream(stdout);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName().replaceFirst("^\\./", "");
                boolean wanted = name.matches("boot/vmlinuz-.*")
                        || name.matches("(usr/)?lib/modules/[^/]+/"
                                + "(modules\\.builtin|kernel/(fs|net|drivers/virtio|drivers/net)/.*)");
                if (!entry.isFile() || !wanted) {
                    continue;
                }
                if (name.startsWith("boot/vmlinuz-")) {
                    release[0] = name.substring("boot/vmlinuz-".length());
                }
                Path target = root.resolve(name);
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    tar.transferTo(out);
                }
            }
        });
        assertThat(release[0]).as("boot/vmlinuz-* in " + deb).isNotNull();
        return release[0];
    }
}
