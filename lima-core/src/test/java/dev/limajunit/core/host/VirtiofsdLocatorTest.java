package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.process.PathLookup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the virtiofsd comes from: Lima's descriptor directories and order, and the setting that names one. */
class VirtiofsdLocatorTest {

    private static final Path C_ONE = Path.of("/usr/lib/qemu/virtiofsd");
    private static final PathLookup NO_PATH = new PathLookup("", false);

    @TempDir
    Path tmp;

    @Test
    void looksInLimasDirectoriesInLimasOrder() {
        Path home = Path.of("/home/dev");

        assertThat(VirtiofsdLocator.descriptorDirs(home, Path.of("/usr/bin/qemu-system-x86_64"))).containsExactly(
                Path.of("/home/dev/.local/share/qemu/vhost-user"), Path.of("/usr/share/qemu/vhost-user"));
        assertThat(VirtiofsdLocator.descriptorDirs(home, Path.of("/opt/qemu/bin/qemu-system-x86_64"))).containsExactly(
                Path.of("/home/dev/.local/share/qemu/vhost-user"), Path.of("/opt/qemu/share/qemu/vhost-user"),
                Path.of("/usr/share/qemu/vhost-user"));
        assertThat(VirtiofsdLocator.descriptorDirs(home, null)).containsExactly(
                Path.of("/home/dev/.local/share/qemu/vhost-user"), Path.of("/usr/share/qemu/vhost-user"));
    }

    @Test
    void readsFsDescriptorsByFileNameAndSkipsTheRest() throws IOException {
        Path a = executable("a");
        Path b = executable("b");
        descriptor("50-second.json", "fs", b);
        descriptor("10-first.json", "fs", a);
        descriptor("20-gpu.json", "gpu", b);
        descriptor("30-gone.json", "fs", tmp.resolve("no-such-binary"));
        Files.writeString(tmp.resolve("40-broken.json"), "{ not json");
        Files.writeString(tmp.resolve("60-not-a-descriptor.txt"), "{}");

        assertThat(VirtiofsdLocator.described(tmp)).containsExactly(a, b);
        assertThat(VirtiofsdLocator.described(tmp.resolve("missing"))).isEmpty();
    }

    @Test
    void theRustOneWinsOverTheCOneWhateverTheOrder() throws IOException {
        Path rust = installedRustVirtiofsd();
        descriptor("10-c.json", "fs", C_ONE);
        descriptor("90-rust.json", "fs", rust);

        Virtiofsd found = new VirtiofsdLocator(null, List.of(tmp), NO_PATH).locate().orElseThrow();

        assertThat(found.path()).isEqualTo(rust);
        assertThat(found.kind()).isEqualTo(Virtiofsd.Kind.RUST);
        assertThat(found.version()).startsWith("virtiofsd ");
        assertThat(found.named()).isFalse();
    }

    @Test
    void withOnlyTheCOneItIsReturnedUnnamedSoTheReasonCanNameIt() throws IOException {
        assumeThat(C_ONE).as("QEMU's C virtiofsd (qemu-system-common)").isExecutable();
        descriptor("50-qemu-virtiofsd.json", "fs", C_ONE);

        Virtiofsd found = new VirtiofsdLocator(null, List.of(tmp), NO_PATH).locate().orElseThrow();

        assertThat(found).isEqualTo(new Virtiofsd(C_ONE, Virtiofsd.Kind.QEMU_C, found.version(), false));
        assertThat(found.version()).startsWith("virtiofsd version");
        assertThat(found.unusableReason(0)).hasValueSatisfying(r -> assertThat(r).contains("lima.virtiofsd=" + C_ONE));
    }

    @Test
    void theSettingNamesTheOneToRunEvenTheCOne() {
        assumeThat(C_ONE).as("QEMU's C virtiofsd (qemu-system-common)").isExecutable();

        Virtiofsd found = new VirtiofsdLocator(" " + C_ONE + " ", List.of(tmp), NO_PATH).locate().orElseThrow();

        assertThat(found.path()).isEqualTo(C_ONE);
        assertThat(found.kind()).isEqualTo(Virtiofsd.Kind.QEMU_C);
        assertThat(found.named()).isTrue();
        assertThat(found.unusableReason(0)).isEmpty();
        assertThat(found.unusableReason(1000))
                .hasValueSatisfying(r -> assertThat(r).contains("needs root", "euid 1000"));
    }

    @Test
    void aSettingThatNamesNoExecutableIsAnErrorNamingItAndTheRule() {
        Path missing = tmp.resolve("virtiofsd");

        assertThatThrownBy(() -> new VirtiofsdLocator(missing.toString(), List.of(), NO_PATH).locate())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lima.virtiofsd \"" + missing + "\" is not an executable file: name a virtiofsd binary, "
                        + "or leave lima.virtiofsd and LIMA_JUNIT_VIRTIOFSD unset for the Rust one Lima would find");
    }

    /** The one bin/install-virtiofsd registered on this host (its binary), found as Lima finds it. */
    static Path installedRustVirtiofsd() {
        Virtiofsd found = VirtiofsdLocator.forThisHost(Path.of("/usr/bin/qemu-system-x86_64")).locate().orElse(null);
        assumeThat(found).as("the Rust virtiofsd (bin/install-virtiofsd)")
                .matches(v -> v != null && v.kind() == Virtiofsd.Kind.RUST);
        return found.path();
    }

    private Path executable(String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        file.toFile().setExecutable(true);
        return file;
    }

    private void descriptor(String file, String type, Path binary) throws IOException {
        Files.writeString(tmp.resolve(file), "{\"description\": \"" + file + "\", \"type\": \"" + type
                + "\", \"binary\": \"" + binary + "\"}\n");
    }
}
