package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.host.Accelerator;
import dev.limajunit.core.host.AcceleratorCheck;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.OperatingSystem;
import dev.limajunit.core.host.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private HostFacts host;

    @BeforeEach
    void linuxHostWithQemu() throws IOException {
        Files.createDirectories(dir.resolve("home/src"));
        host = HostFacts.builder()
                .os(OperatingSystem.LINUX, "6.1.0")
                .effectiveUid(0)
                .home(dir.resolve("home"))
                .qemuSystem(Tool.at("/usr/bin/qemu-system-x86_64"))
                .accelerators(List.of(AcceleratorCheck.works(Accelerator.TCG, "booted")))
                .sshfs(Tool.at("/usr/bin/sshfs"))
                .sftpServer(Tool.at("/usr/lib/openssh/sftp-server"))
                .build();
    }

    private CliRun validate(String... files) {
        return CliRun.of(List.of(new ValidateCommand(() -> host)), Stream.concat(Stream.of("validate"),
                Stream.of(files)).toArray(String[]::new));
    }

    private String file(String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aValidFileSaysWhatItResolvesTo() {
        String ok = file("ok.yaml", "mounts:\n- location: \"~/src\"\n  writable: true\n");

        CliRun run = validate(ok);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(ok + ": ok: vmType qemu (default), mountType 9p (default), mountInotify false, "
                + dir.resolve("home/src") + " -> " + dir.resolve("home/src") + " (writable)")
                .contains("1 file checked: all valid, 0 warnings");
    }

    @ParameterizedTest(name = "{1}")
    // CHECKSTYLE.OFF: LineLength (table rows)
    @CsvSource(delimiter = '|', textBlock = """
            mountType: 9p\\nmounts: [{location: "~/src", 9p: {msize: 2KiB}}]           | mounts[0] (~/src): 9p.msize "2KiB" is below the 4KiB minimum
            mountType: 9p\\nvmType: vz\\nmounts: [{location: "~/src"}]                | vmType "vz" cannot run here
            mountType: 9p\\nmounts: [{location: "~/src", 9p: {cache: write}}]          | mounts[0] (~/src): 9p.cache "write" is not one of "none", "loose", "fscache", "mmap"
            mountType: nfs\\nmounts: [{location: "~/src"}]                             | mountType "nfs" is not one of "reverse-sshfs", "9p", "virtiofs", "wsl2"
            mounts: [{location: "~/src", mountPoint: /etc}]                              | mounts[0] (~/src): mountPoint "/etc" is a system path
            mounts: [{location: "~/src", mountPoint: /m}, {location: /, mountPoint: /m}] | mounts[1] (/): mountPoint "/m" is already the mountPoint of mounts[0] (~/src)
            mountType: 9p\\nmountTypesUnsupported: [9p]\\nmounts: [{location: "~/src"}] | mountType "9p" is listed in mountTypesUnsupported
            'mounts: [{location: "~/src", sshfs: {sftpDriver: ftp}}]'                    | sshfs.sftpDriver "ftp" is not one of "builtin", "openssh-sftp-server"
            'mounts: [{location: src}]'                                                  | mounts[0] (src): location "src" must be an absolute path
            'mounts: [{location: "~/src", writable: "yes"}]'                             | mounts[0] (~/src): writable "yes" is not a boolean
            'mounts: [{location: "~/src", 9p: {securityModel: mapped}}]'                 | 9p.securityModel "mapped" is not one of
            'mounts: [{location: "~/src", 9p: {protocolVersion: 9p2000.x}}]'             | 9p.protocolVersion "9p2000.x" is not one of
            """)
    // CHECKSTYLE.ON: LineLength
    void aBrokenFileExitsOneNamingTheField(String yaml, String expected) {
        String broken = file("broken.yaml", yaml.replace("\\n", "\n"));

        CliRun run = validate(broken);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(broken + ": error: ").contains(expected).contains("1 with errors")
                .doesNotContain(": ok:");
    }

    @Test
    void warningsAreReportedButDoNotFail() {
        String sshfs = file("sshfs.yaml", "mountType: reverse-sshfs\nmountInotify: true\n"
                + "mounts:\n- location: \"~/src\"\n  writable: true\n- location: \"~/missing\"\n");

        CliRun run = validate(sshfs);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("warning: mounts[0] (~/src): writable true is discouraged with mountType \"reverse-sshfs\"")
                .contains("warning: mounts[1] (~/missing): location \"~/missing\" does not exist")
                .contains("warning: mounts[1] (~/missing): writable false means mountInotify forwards no host events")
                .contains("all valid, 3 warnings");
    }

    @Test
    void everyFileIsCheckedAndOneBadFileFailsTheRun() {
        String ok = file("ok.yaml", "mounts: [{location: \"~/src\"}]\n");
        String bad = file("bad.yaml", "mounts: [{location: \"~/src\", 9p: {msize: 1KiB}}]\nmountType: 9p\n");

        CliRun run = validate(ok, bad, dir.resolve("absent.yaml").toString(), file("junk.yaml", "a: [\n"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(ok + ": ok:", bad + ": error:", "absent.yaml: error: ", "cannot read",
                "junk.yaml: error: ", "not valid YAML", "4 files checked: 3 with errors");
    }

    @Test
    void noFileIsAUsageError() {
        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("name at least one lima.yaml file");
    }
}
