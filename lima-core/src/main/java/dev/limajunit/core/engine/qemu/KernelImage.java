package dev.limajunit.core.engine.qemu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Turns a compressed x86 {@code bzImage} into its ELF {@code vmlinux}. QEMU boots an ELF kernel through the PVH
 * entry point without the kernel decompressing itself, which under TCG saves about five seconds per boot.
 */
final class KernelImage {

    private static final byte[] XZ = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
    private static final byte[] ZSTD = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};
    private static final byte[] GZIP = {0x1F, (byte) 0x8B};

    private KernelImage() {
    }

    /**
     * The ELF vmlinux inside {@code bzImage}, or empty when the image is not a bzImage or its payload uses a
     * compression we cannot undo here (then the bzImage itself is booted, only slower).
     */
    static Optional<byte[]> extractVmlinux(byte[] bzImage) {
        if (isElf(bzImage)) {
            return Optional.of(bzImage);
        }
        ByteBuffer buf = ByteBuffer.wrap(bzImage).order(ByteOrder.LITTLE_ENDIAN);
        if (bzImage.length < 0x250 || buf.getInt(0x202) != 0x53726448) { // "HdrS": the x86 boot protocol header
            return Optional.empty();
        }
        int setupSectors = Byte.toUnsignedInt(bzImage[0x1F1]);
        int protectedModeStart = ((setupSectors == 0 ? 4 : setupSectors) + 1) * 512;
        int payloadOffset = protectedModeStart + buf.getInt(0x248);
        int payloadLength = buf.getInt(0x24C);
        if (payloadOffset < 0 || payloadLength <= 0 || payloadOffset + payloadLength > bzImage.length) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOfRange(bzImage, payloadOffset, payloadOffset + payloadLength);
        try {
            byte[] vmlinux = decompress(payload);
            return vmlinux != null && isElf(vmlinux) ? Optional.of(vmlinux) : Optional.empty();
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] decompress(byte[] payload) throws IOException {
        // The kernel build appends the uncompressed size after xz and zstd streams: decode one stream only.
        if (startsWith(payload, XZ)) {
            return HostTool.run(null, List.of("xz", "-dc", "--single-stream"), payload);
        }
        if (startsWith(payload, ZSTD)) {
            return HostTool.run(null, List.of("zstd", "-dc"), Arrays.copyOf(payload, payload.length - 4));
        }
        if (startsWith(payload, GZIP)) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(payload))) {
                return in.readAllBytes();
            }
        }
        return null;
    }

    static boolean isElf(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 0x7F && bytes[1] == 'E' && bytes[2] == 'L' && bytes[3] == 'F';
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
