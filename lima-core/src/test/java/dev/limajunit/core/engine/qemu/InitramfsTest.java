package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.junit.jupiter.api.Test;

class InitramfsTest {

    @Test
    void parentsComeFirstAndTopLevelLinksAreFollowed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Initramfs cpio = new Initramfs(out)) {
            cpio.topLevelLink("bin", "usr/bin");
            cpio.text("/bin/hello", 0755, "#!/bin/sh\n");
            cpio.symlink("bin/sh", "/bin/busybox");
            cpio.symlink("bin/hello", "/bin/busybox"); // a second writer of one path is ignored
        }

        Map<String, CpioArchiveEntry> entries = new LinkedHashMap<>();
        try (CpioArchiveInputStream in = new CpioArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            CpioArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), entry);
            }
        }
        assertThat(entries.keySet()).containsExactly("usr", "usr/bin", "bin", "usr/bin/hello", "usr/bin/sh");
        assertThat(entries.get("bin").isSymbolicLink()).isTrue();
        assertThat(entries.get("usr/bin/hello").isRegularFile()).isTrue();
        assertThat(entries.get("usr/bin/hello").getMode() & 0777).isEqualTo(0755);
    }
}
