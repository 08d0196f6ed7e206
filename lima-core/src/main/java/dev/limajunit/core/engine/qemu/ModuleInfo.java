package dev.limajunit.core.engine.qemu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a kernel module says about itself in its ELF {@code .modinfo} section: its name and the modules it needs
 * ({@code depends=}), which is all that is needed to load modules in the right order without {@code depmod}.
 *
 * @param name    the module name ({@code 9pnet_virtio})
 * @param depends the names of the modules it needs loaded first
 */
record ModuleInfo(String name, List<String> depends) {

    /**
     * Reads the {@code .modinfo} section of an uncompressed ELF64 module.
     *
     * @param fallbackName used when the section has no {@code name=} (older kernels): the file name without
     *                     {@code .ko}, dashes turned into underscores as the kernel does
     * @throws IllegalArgumentException when the bytes are not an ELF64 little-endian module with a .modinfo section
     */
    static ModuleInfo parse(byte[] elf, String fallbackName) {
        ByteBuffer buf = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 64 || buf.getInt(0) != 0x464c457f || elf[4] != 2 || elf[5] != 1) {
            throw new IllegalArgumentException(fallbackName + ": not an ELF64 little-endian module");
        }
        long shoff = buf.getLong(0x28);
        int shentsize = Short.toUnsignedInt(buf.getShort(0x3A));
        int shnum = Short.toUnsignedInt(buf.getShort(0x3C));
        int shstrndx = Short.toUnsignedInt(buf.getShort(0x3E));
        long strtabOffset = buf.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
        for (int i = 0; i < shnum; i++) {
            int header = (int) (shoff + (long) i * shentsize);
            int nameOffset = buf.getInt(header);
            if (".modinfo".equals(cString(elf, (int) (strtabOffset + nameOffset)))) {
                int offset = (int) buf.getLong(header + 0x18);
                int size = (int) buf.getLong(header + 0x20);
                return fromSection(new String(elf, offset, size, StandardCharsets.UTF_8), fallbackName);
            }
        }
        throw new IllegalArgumentException(fallbackName + ": no .modinfo section");
    }

    private static ModuleInfo fromSection(String section, String fallbackName) {
        String name = fallbackName.replace('-', '_');
        List<String> depends = List.of();
        for (String entry : section.split("\0")) {
            if (entry.startsWith("name=")) {
                name = entry.substring(5);
            } else if (entry.startsWith("depends=")) {
                String value = entry.substring(8);
                depends = value.isEmpty() ? List.of() : Arrays.asList(value.split(","));
            }
        }
        return new ModuleInfo(name, List.copyOf(depends));
    }

    private static String cString(byte[] bytes, int start) {
        int end = start;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    }

    /** The module name a file name stands for: {@code 9pnet_virtio.ko.xz} -> {@code 9pnet_virtio}. */
    static String nameOfFile(String fileName) {
        int ko = fileName.indexOf(".ko");
        return (ko < 0 ? fileName : fileName.substring(0, ko)).replace('-', '_');
    }
}
