package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ModuleInfoTest {

    @Test
    void readsNameAndDependsFromTheModinfoSection() {
        byte[] elf = elfWithSections(".text", "code", ".modinfo",
                "license=GPL\0depends=9pnet,netfs,fscache\0name=9p\0vermagic=6.1\0");

        ModuleInfo info = ModuleInfo.parse(elf, "9p");

        assertThat(info.name()).isEqualTo("9p");
        assertThat(info.depends()).containsExactly("9pnet", "netfs", "fscache");
    }

    @Test
    void anEmptyDependsMeansNoDependencies() {
        ModuleInfo info = ModuleInfo.parse(elfWithSections(".modinfo", "depends=\0"), "virtio-ring");

        assertThat(info.name()).isEqualTo("virtio_ring");
        assertThat(info.depends()).isEmpty();
    }

    @Test
    void somethingElseIsRefused() {
        assertThatThrownBy(() -> ModuleInfo.parse("not an elf".repeat(10).getBytes(StandardCharsets.US_ASCII), "x"))
                .hasMessageContaining("x: not an ELF64");
    }

    @Test
    void fileNamesMapToModuleNames() {
        assertThat(ModuleInfo.nameOfFile("9pnet_virtio.ko.xz")).isEqualTo("9pnet_virtio");
        assertThat(ModuleInfo.nameOfFile("virtio-net.ko")).isEqualTo("virtio_net");
    }

    /** A minimal ELF64 file: header, the given sections' contents, a section-name table, section headers. */
    static byte[] elfWithSections(String... namesAndContents) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        int count = namesAndContents.length / 2;
        int[] nameOffsets = new int[count + 1];
        for (int i = 0; i < count; i++) {
            nameOffsets[i] = names.size();
            names.writeBytes((namesAndContents[2 * i] + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        nameOffsets[count] = names.size();
        names.writeBytes(".shstrtab\0".getBytes(StandardCharsets.US_ASCII));

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[64]);
        int[] offsets = new int[count + 1];
        int[] sizes = new int[count + 1];
        for (int i = 0; i < count; i++) {
            byte[] content = namesAndContents[2 * i + 1].getBytes(StandardCharsets.US_ASCII);
            offsets[i] = body.size();
            sizes[i] = content.length;
            body.writeBytes(content);
        }
        offsets[count] = body.size();
        sizes[count] = names.size();
        body.writeBytes(names.toByteArray());
        int shoff = body.size();
        ByteBuffer headers = ByteBuffer.allocate(64 * (count + 2)).order(ByteOrder.LITTLE_ENDIAN);
        headers.position(64); // section 0 is the null section
        for (int i = 0; i <= count; i++) {
            int h = 64 * (i + 1);
            headers.putInt(h, nameOffsets[i]);
            headers.putInt(h + 4, i == count ? 3 : 1);
            headers.putLong(h + 0x18, offsets[i]);
            headers.putLong(h + 0x20, sizes[i]);
        }
        body.writeBytes(headers.array());
        ByteBuffer elf = ByteBuffer.wrap(body.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        elf.putInt(0, 0x464c457f);
        elf.put(4, (byte) 2);
        elf.put(5, (byte) 1);
        elf.putLong(0x28, shoff);
        elf.putShort(0x3A, (short) 64);
        elf.putShort(0x3C, (short) (count + 2));
        elf.putShort(0x3E, (short) (count + 1));
        return elf.array();
    }
}
