package dev.limajunit.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.process.ProcessRegistry;
import dev.limajunit.core.yaml.LimaYaml;
import dev.limajunit.core.yaml.SpecReading;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never starts anything: each row, an instance spec written in code or a lima.yaml snippet, goes the way a
 * start goes (read, resolve, then the qemu engine) and must be rejected before the engine is reached, with a message
 * that names the attribute, the value and the rule. The engine here launches {@code /bin/true} as its QEMU, so a row
 * that slipped through would show up as a started process in the registry, which counts every start.
 */
class BadInputTableTest {

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final ProcessRegistry.Listener COUNTER = process -> STARTED.incrementAndGet();

    private static Path home;
    private static HostFacts host;

    /**
     * A row: the spec (or YAML) and the words its message must hold: the attribute, the value, the rule.
     */
    record Row(String name, InstanceSpec spec, String yaml, String attribute, String value, String rule) {
        @Override
        public String toString() {
            return (yaml != null ? "lima.yaml: " : "code: ") + name;
        }
    }

    @BeforeAll
    static void hostAndCounter() throws IOException {
        home = Files.createTempDirectory("lima-junit-bad-input");
        Files.createDirectories(home.resolve("src"));
        Files.writeString(home.resolve("notes.txt"), "not a directory");
        host = TestHosts.linuxRoot(home);
        ProcessRegistry.global().addListener(COUNTER);
    }

    @AfterAll
    static void nothingWasStarted() throws IOException {
        assertThat(STARTED.get()).as("processes started by the whole table").isZero();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static Row code(String name, InstanceSpec spec, String attribute, String value, String rule) {
        return new Row(name, spec, null, attribute, value, rule);
    }

    private static Row yaml(String name, String yaml, String attribute, String value, String rule) {
        return new Row(name, null, yaml, attribute, value, rule);
    }

    private static MountSpec src() {
        return MountSpec.of("~/src");
    }

    private static InstanceSpec ninep(MountSpec... mounts) {
        return InstanceSpec.of(MountType.NINEP, mounts);
    }

    static Stream<Row> rows() {
        return Stream.of(
                code("relative location", ninep(MountSpec.of("src")), "location", "\"src\"",
                        "must be an absolute path"),
                code("location is a file", ninep(MountSpec.of("~/notes.txt")), "location", "\"~/notes.txt\"",
                        "is not a directory"),
                code("relative mountPoint", ninep(src().withMountPoint("mnt/src")), "mountPoint", "\"mnt/src\"",
                        "must be an absolute guest path"),
                code("mountPoint with ~", ninep(src().withMountPoint("~/src")), "mountPoint", "\"~/src\"",
                        "must not start with ~"),
                code("mountPoint /etc", ninep(src().withMountPoint("/etc")), "mountPoint", "\"/etc\"",
                        "is a system path"),
                code("mountPoint / after cleaning", ninep(src().withMountPoint("/mnt/..")), "mountPoint", "/mnt/..",
                        "system path"),
                code("the same mountPoint twice", ninep(src().withMountPoint("/mnt/x"),
                        MountSpec.of("~/src").withMountPoint("/mnt/x")), "mountPoint", "\"/mnt/x\"",
                        "is already the mountPoint of mounts[0]"),
                code("msize below 4KiB", ninep(src().withNineP(new NinePOptions(null, null, "2KiB", null))), "9p.msize",
                        "\"2KiB\"", "is below the 4KiB minimum"),
                code("msize not a size", ninep(src().withNineP(new NinePOptions(null, null, "lots", null))), "9p.msize",
                        "\"lots\"", "is not a size"),
                code("securityModel", ninep(src().withNineP(new NinePOptions("mapped", null, null, null))),
                        "9p.securityModel", "\"mapped\"", "is not one of"),
                code("protocolVersion", ninep(src().withNineP(new NinePOptions(null, "9p2000.l", null, null))),
                        "9p.protocolVersion", "\"9p2000.l\"", "is not one of"),
                code("9p cache", ninep(src().withNineP(new NinePOptions(null, null, null, "writeback"))), "9p.cache",
                        "\"writeback\"", "is not one of"),
                code("sftpDriver", InstanceSpec.of(MountType.REVERSE_SSHFS, src().withSshfs(
                        new SshfsOptions(null, null, "internal"))), "sshfs.sftpDriver", "\"internal\"",
                                "is not one of"),
                code("virtiofs queueSize", InstanceSpec.of(MountType.VIRTIOFS, src()
                        .withVirtiofs(new VirtiofsOptions(1000))),
                        "virtiofs.queueSize", "1000", "must be a power of two"),
                code("cpus 0", ninep(src()).withCpus(0), "cpus", "0", "must be at least 1"),
                code("memory", ninep(src()).withMemory("plenty"), "memory", "\"plenty\"", "is not a size"),
                code("vmType vz on Linux", InstanceSpec.of(MountType.VIRTIOFS, src()).withVmType(VmType.VZ), "vmType",
                        "vz", "exists only on macOS"),
                code("wsl2 mounts with qemu", InstanceSpec.of(MountType.WSL2, src()).withVmType(VmType.QEMU),
                        "mountType",
                        "wsl2", "works only with vmType wsl2"),
                yaml("unknown mountType", "mountType: 10p\nmounts:\n- location: \"~/src\"\n", "mountType", "\"10p\"",
                        "is not one of"),
                yaml("unknown vmType", "vmType: kvm\nmounts:\n- location: \"~/src\"\n", "vmType", "\"kvm\"",
                        "is not one of"),
                yaml("writable not a boolean", "mountType: 9p\nmounts:\n- location: \"~/src\"\n  writable: maybe\n",
                        "writable", "\"maybe\"", "is not a boolean"),
                yaml("cpus not a number", "mountType: 9p\ncpus: many\nmounts:\n- location: \"~/src\"\n", "cpus",
                        "\"many\"",
                        "is not a whole number"),
                yaml("mounts not a list", "mountType: 9p\nmounts: ~/src\n", "mounts", "\"~/src\"", "is not a list"),
                yaml("msize below 4KiB", "mountType: 9p\nmounts:\n- location: \"~/src\"\n  9p:\n    msize: 1KiB\n",
                        "9p.msize", "\"1KiB\"", "is below the 4KiB minimum"),
                yaml("9p cache", "mountType: 9p\nmounts:\n- location: \"~/src\"\n  9p:\n    cache: always\n",
                        "9p.cache",
                        "\"always\"", "is not one of"),
                yaml("securityModel",
                        "mountType: 9p\nmounts:\n- location: \"~/src\"\n  9p:\n    securityModel: secure\n",
                        "9p.securityModel", "\"secure\"", "is not one of"),
                yaml("sftpDriver",
                        "mountType: reverse-sshfs\nmounts:\n- location: \"~/src\"\n  sshfs:\n    sftpDriver: ftp\n",
                        "sshfs.sftpDriver", "\"ftp\"", "is not one of"),
                yaml("mountPoint relative", "mountType: 9p\nmounts:\n- location: \"~/src\"\n  mountPoint: data\n",
                        "mountPoint", "\"data\"", "must be an absolute guest path"),
                yaml("location missing", "mountType: 9p\nmounts:\n- mountPoint: /mnt/x\n", "location", "mounts[0]",
                        "is required"),
                yaml("mountType listed as unsupported",
                        "mountType: 9p\nmountTypesUnsupported: [9p]\nmounts:\n- location: \"~/src\"\n", "mountType",
                        "\"9p\"", "is listed in mountTypesUnsupported"),
                yaml("queueSize too large", "mountType: virtiofs\nmounts:\n- location: \"~/src\"\n  virtiofs:\n    "
                        + "queueSize: 2048\n", "virtiofs.queueSize", "2048", "must be a power of two from 1 to 1024"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isRejectedBeforeAnyProcessStartsNamingAttributeValueAndRule(Row row) {
        int before = STARTED.get();

        assertThatThrownBy(() -> start(row))
                .isInstanceOf(InvalidSpecException.class)
                .message().contains(row.attribute()).contains(row.value()).contains(row.rule());

        assertThat(STARTED.get() - before).as("processes started").isZero();
    }

    /** What a start does with user input: read (YAML), resolve against the host, then hand it to the engine. */
    private static void start(Row row) {
        InstanceSpec spec = row.spec();
        if (row.yaml() != null) {
            SpecReading reading = LimaYaml.parse(row.yaml()).readSpec();
            List<ValidationIssue> errors = reading.issues().stream().filter(ValidationIssue::isError).toList();
            if (!errors.isEmpty()) {
                throw new InvalidSpecException(errors);
            }
            spec = reading.spec();
        }
        var resolved = new SpecResolver(host).resolve(spec);
        QemuEngine.create().withQemuBinary(Path.of("/bin/true")).start(resolved, StartOptions.named("bad-input"));
    }
}
