package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class KernelImageTest {

    private static final byte[] VMLINUX = "\u007fELF pretend kernel".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void extractsTheGzipPayloadNamedByTheBootHeader() throws IOException {
        assertThat(KernelImage.extractVmlinux(bzImage(gzip(VMLINUX)))).contains(VMLINUX);
    }

    @Test
    void extractsAnXzPayloadWithTheAppendedSize() throws IOException {
        byte[] xz = HostTool.run(null, List.of("xz", "-c"), VMLINUX);
        byte[] withSize = ByteBuffer.allocate(xz.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(xz)
                .putInt(VMLINUX.length).array();

        assertThat(KernelImage.extractVmlinux(bzImage(withSize))).contains(VMLINUX);
    }

    @Test
    void anElfIsAlreadyAVmlinux() {
        assertThat(KernelImage.extractVmlinux(VMLINUX)).contains(VMLINUX);
    }

    @Test
    void somethingElseGivesNothing() throws IOException {
        assertThat(KernelImage.extractVmlinux(new byte[4096])).isEmpty();
        assertThat(KernelImage.extractVmlinux(bzImage(gzip("not an elf".getBytes(StandardCharsets.US_ASCII)))))
                .isEmpty();
    }

    /** Setup sectors, the "HdrS" header with payload offset and length, then the payload. */
    private static byte[] bzImage(byte[] payload) {
        int setupSectors = 3;
        int protectedMode = (setupSectors + 1) * 512;
        int payloadOffset = 100;
        ByteBuffer image = ByteBuffer.allocate(protectedMode + payloadOffset + payload.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        image.put(0x1F1, (byte) setupSectors);
        image.putInt(0x202, 0x53726448);
        image.putInt(0x248, payloadOffset);
        image.putInt(0x24C, payload.length);
        image.put(protectedMode + payloadOffset, payload);
        return image.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
