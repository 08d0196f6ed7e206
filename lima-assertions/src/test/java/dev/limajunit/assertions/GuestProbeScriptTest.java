package dev.limajunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the guest probe script on this host, with the host's sh and coreutils and with busybox alone (what the
 * qemu engine's guest has), and checks it reads the same views {@link HostView} reads through Java.
 */
class GuestProbeScriptTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"coreutils", "busybox"})
    void readsWhatTheHostSees(String userland) throws Exception {
        Files.createDirectories(root.resolve("sub dir"));
        Files.write(root.resolve("sub dir/grüße 1.txt"), new byte[] {'h', (byte) 0xc3, (byte) 0xa9, '\n', 0, 'x', '%'});
        Files.createFile(root.resolve("empty"));
        Files.createFile(root.resolve(".hidden"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("sub dir/grüße 1.txt"));
        Files.createSymbolicLink(root.resolve("dangling"), Path.of("/nonexistent"));
        List<String> names = List.of("sub dir/grüße 1.txt", "empty", ".hidden", "link", "dangling", "sub dir",
                "missing");

        List<FileView> probed = GuestProbe.parse(run(userland, names), names.size());

        for (int i = 0; i < names.size(); i++) {
            assertThat(probed.get(i)).as(names.get(i)).isEqualTo(HostView.of(root.resolve(names.get(i))));
        }
        assertThat(probed.get(0).contentText()).isEqualTo("hé\n\0x%");
        assertThat(probed.get(3).linkTarget()).isEqualTo("sub dir/grüße 1.txt");
        assertThat(probed.get(4).exists()).isFalse();
        assertThat(probed.get(4).listed()).isTrue();
        assertThat(probed.get(6).listed()).isFalse();
    }

    private String run(String userland, List<String> names) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        ProcessBuilder builder = new ProcessBuilder(argv);
        if (userland.equals("busybox")) {
            Path busybox = Path.of("/usr/bin/busybox");
            assumeTrue(Files.isExecutable(busybox), "busybox is not installed at /usr/bin/busybox");
            Path bin = Files.createDirectory(root.resolve(".bin"));
            for (String applet : List.of("sh", "stat", "od", "tr", "readlink", "cat")) {
                Files.createSymbolicLink(bin.resolve(applet), busybox);
            }
            builder.environment().clear();
            builder.environment().put("PATH", bin.toString());
            argv.add(bin.resolve("sh").toString());
        } else {
            argv.add("/bin/sh");
        }
        argv.addAll(List.of("-c", GuestProbe.SCRIPT, "probe"));
        names.forEach(name -> argv.add(root.resolve(name).toString()));
        Process process = builder.redirectErrorStream(false).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("probe exit, stderr: " + err).isZero();
        return out;
    }
}
