package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A kernel ready to boot: the image QEMU loads and the modules the guest loads, in load order.
 *
 * @param id      identifies the kernel's content (part of the guest kit's cache key)
 * @param image   an ELF vmlinux when it could be extracted, else the bzImage
 * @param modules module files, dependencies first
 */
record GuestKernel(String id, Path image, List<Path> modules) {

    /** The modules every guest needs: virtio networking, 9p, FUSE (reverse-sshfs) and virtiofs. */
    static final List<String> WANTED_MODULES = List.of("virtio_pci", "virtio_net", "9pnet_virtio", "9p", "fuse",
            "virtiofs");

    static final String IMAGE = "vmlinux";
    static final String MODULES = "modules";
    static final String LOAD_ORDER = "load-order";

    /** Reads a kernel cache entry written by a {@link KernelSource}. */
    static GuestKernel read(String id, Path dir) {
        try {
            List<Path> modules = Files.readAllLines(dir.resolve(LOAD_ORDER)).stream()
                    .filter(line -> !line.isBlank())
                    .map(name -> dir.resolve(MODULES).resolve(name + ".ko"))
                    .toList();
            return new GuestKernel(id, dir.resolve(IMAGE), modules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kernel cache entry " + dir, e);
        }
    }
}
