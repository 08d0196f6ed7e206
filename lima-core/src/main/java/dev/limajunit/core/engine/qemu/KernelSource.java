package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where the guest kernel comes from: the host's own kernel, or Debian's generic kernel package. */
interface KernelSource {

    /** Identifies the kernel's content; cheap to compute (the cache is keyed by it). */
    String id();

    /**
     * Writes {@link GuestKernel#IMAGE}, the needed modules under {@link GuestKernel#MODULES} and their
     * {@link GuestKernel#LOAD_ORDER} into {@code dir}.
     */
    void materialize(Path dir) throws IOException;

    /** Writes the image (the ELF vmlinux when it can be extracted) and the modules in load order. */
    static void write(Path dir, byte[] bzImage, Map<String, byte[]> modulesByName, List<String> loadOrder)
            throws IOException {
        Files.write(dir.resolve(GuestKernel.IMAGE), KernelImage.extractVmlinux(bzImage).orElse(bzImage));
        Path modules = Files.createDirectories(dir.resolve(GuestKernel.MODULES));
        for (String name : loadOrder) {
            Files.write(modules.resolve(name + ".ko"), modulesByName.get(name));
        }
        Files.write(dir.resolve(GuestKernel.LOAD_ORDER), loadOrder);
    }
}
