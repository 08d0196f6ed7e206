package dev.limajunit.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one PATH lookup: order, what counts as an executable, fallbacks, {@code .exe} names. */
class PathLookupTest {

    @TempDir
    Path tmp;

    private Path file(String dir, String name, boolean executable) throws IOException {
        Path file = Files.createDirectories(tmp.resolve(dir)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        return file;
    }

    private String path(String... dirs) {
        return String.join(File.pathSeparator, Arrays.stream(dirs).map(d -> tmp.resolve(d).toString())
                .toList());
    }

    @Test
    void theFirstExecutableFileInPathOrderWins() throws IOException {
        file("a", "tool", false);
        Files.createDirectories(tmp.resolve("b/tool"));
        Path wanted = file("c", "tool", true);
        file("d", "tool", true);

        assertThat(new PathLookup(path("a", "b", "c", "d"), false).find("tool")).hasValue(wanted);
    }

    @Test
    void fallbacksCountOnlyWhenPathHasNone() throws IOException {
        Path fallback = file("libexec", "sftp-server", true);
        Path onPath = file("bin", "sftp-server", true);

        assertThat(new PathLookup("", false).find("sftp-server", "/nowhere/sftp-server", fallback.toString()))
                .hasValue(fallback);
        assertThat(new PathLookup(path("bin"), false).find("sftp-server", fallback.toString())).hasValue(onPath);
        assertThat(new PathLookup(null, false).find("sftp-server")).isEmpty();
    }

    @Test
    void windowsNamesTryExeFirst() throws IOException {
        file("bin", "qemu", true);
        Path exe = file("bin", "qemu.exe", true);

        assertThat(new PathLookup(path("bin"), true).find("qemu")).hasValue(exe);
    }

    @Test
    void anEnvironmentLooksInItsOwnPath() throws IOException {
        Path limactl = file("lima/bin", "limactl", true);

        assertThat(PathLookup.of(Map.of("PATH", path("lima/bin"))).find("limactl")).hasValue(limactl);
        assertThat(PathLookup.of(Map.of()).find("limactl")).isEmpty();
    }
}
