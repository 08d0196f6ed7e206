package dev.limajunit.core.config;

import static dev.limajunit.core.config.Severity.ERROR;
import static dev.limajunit.core.config.Severity.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.host.GuestKernelFacts;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every validation rule, table-driven: each rejected row names the field and the words of the rule; each accepted
 * row is the nearest spec that passes the same rule.
 */
class SpecValidationRulesTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void homeWithASourceTreeAndAFile() throws IOException {
        Files.createDirectories(home.resolve("src"));
        Files.createDirectories(home.resolve("other"));
        Files.writeString(home.resolve("notes.txt"), "not a directory");
    }

    /** A row: on which host, which spec; for rejections also the severity, field and message words. */
    record Row(String name, Function<Path, HostFacts> host, InstanceSpec spec, Severity severity, String field,
            String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Function<Path, HostFacts> LINUX_ROOT = TestHosts::linuxRoot;
    private static final Function<Path, HostFacts> LINUX_USER = TestHosts::linuxUser;

    private static MountSpec src() {
        return MountSpec.of("~/src");
    }

    private static InstanceSpec ninep(MountSpec... mounts) {
        return InstanceSpec.of(MountType.NINEP, mounts);
    }

    private static InstanceSpec sshfs(MountSpec... mounts) {
        return InstanceSpec.of(MountType.REVERSE_SSHFS, mounts);
    }

    private static Row reject(String name, Function<Path, HostFacts> host, InstanceSpec spec, Severity severity,
            String field, String message) {
        return new Row(name, host, spec, severity, field, message);
    }

    private static Row accept(String name, Function<Path, HostFacts> host, InstanceSpec spec) {
        return new Row(name, host, spec, null, null, null);
    }

    static Stream<Row> rejected() {
        return Stream.of(
                reject("9p only with vmType qemu", h -> TestHosts.macOs("13.4", h),
                        ninep(src()).withVmType(VmType.VZ), ERROR, "mountType",
                        "9p is QEMU's virtio-9p-pci: only vmType qemu"),
                reject("9p needs 9p in the guest kernel",
                        h -> TestHosts.linuxRoot(h).withGuestKernel(GuestKernelFacts.all().withNineP(false)),
                        ninep(src()), ERROR, "mountType", "the guest kernel has no 9p"),
                reject("virtiofs with vz needs macOS 13", h -> TestHosts.macOs("12.7.1", h),
                        InstanceSpec.of(MountType.VIRTIOFS, src()).withVmType(VmType.VZ), ERROR, "mountType",
                        "virtiofs with vmType vz needs macOS 13 or later; this host runs macOS 12.7.1"),
                reject("virtiofs on qemu needs a virtiofsd",
                        h -> TestHosts.linuxRoot(h).toBuilder().virtiofsd(null).build(),
                        InstanceSpec.of(MountType.VIRTIOFS, src()), ERROR, "mountType", "no virtiofsd found"),
                reject("QEMU's C virtiofsd only when named",
                        h -> TestHosts.linuxRoot(h).toBuilder().virtiofsd(TestHosts.C_VIRTIOFSD).build(),
                        InstanceSpec.of(MountType.VIRTIOFS, src()), ERROR, "mountType",
                        "only QEMU's C virtiofsd /usr/lib/qemu/virtiofsd was found: the qemu engine runs the Rust "
                                + "virtiofsd"),
                reject("QEMU's C virtiofsd needs root",
                        h -> TestHosts.linuxUser(h).toBuilder().virtiofsd(TestHosts.C_VIRTIOFSD_NAMED).build(),
                        InstanceSpec.of(MountType.VIRTIOFS, src()), ERROR, "mountType",
                        "QEMU's C virtiofsd /usr/lib/qemu/virtiofsd (named by lima.virtiofsd) needs root, and this "
                                + "runs as euid 1000"),
                reject("virtiofs on qemu needs Linux", h -> TestHosts.macOs("14.1", h),
                        InstanceSpec.of(MountType.VIRTIOFS, src()).withVmType(VmType.QEMU), ERROR, "mountType",
                        "virtiofs with vmType qemu needs a Linux host"),
                reject("wsl2 mounts only with vmType wsl2", h -> TestHosts.windows(22631, h),
                        InstanceSpec.of(MountType.WSL2, src()).withVmType(VmType.QEMU), ERROR, "mountType",
                        "mountType wsl2 works only with vmType wsl2"),
                reject("wsl2 needs Windows build 19041", h -> TestHosts.windows(19040, h),
                        InstanceSpec.of(MountType.WSL2, src()).withVmType(VmType.WSL2), ERROR, "vmType",
                        "needs Windows 10 build 19041 or later, or Windows 11; this host is build 19040"),
                reject("vz only on macOS", LINUX_ROOT,
                        InstanceSpec.of(MountType.VIRTIOFS, src()).withVmType(VmType.VZ), ERROR, "vmType",
                        "vmType vz exists only on macOS"),
                reject("msize below 4KiB", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, null, "2KiB", null))), ERROR,
                        "mounts[0].9p.msize", "mounts[0] (~/src): 9p.msize \"2KiB\" is below the 4KiB minimum"),
                reject("msize must parse", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, null, "lots", null))), ERROR,
                        "mounts[0].9p.msize", "mounts[0] (~/src): 9p.msize \"lots\" is not a size"),
                reject("securityModel listed values", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions("mapped", null, null, null))), ERROR,
                        "mounts[0].9p.securityModel", "9p.securityModel \"mapped\" is not one of \"passthrough\", "
                                + "\"mapped-xattr\", \"mapped-file\", \"none\""),
                reject("protocolVersion listed values", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, "9p2000.l", null, null))), ERROR,
                        "mounts[0].9p.protocolVersion", "9p.protocolVersion \"9p2000.l\" is not one of \"9p2000\", "
                                + "\"9p2000.u\", \"9p2000.L\""),
                reject("the legacy 9p protocol cannot mount", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, "9p2000", null, null))), WARNING,
                        "mounts[0].9p.protocolVersion", "9p.protocolVersion \"9p2000\" cannot be mounted: QEMU's 9p"
                                + " server speaks only 9p2000.u and 9p2000.L"),
                reject("9p cache listed values", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, null, null, "writeback"))), ERROR,
                        "mounts[0].9p.cache", "9p.cache \"writeback\" is not one of \"none\", \"loose\", \"fscache\", "
                                + "\"mmap\""),
                reject("sftpDriver listed values", LINUX_ROOT,
                        sshfs(src().withSshfs(new SshfsOptions(null, null, "internal"))), ERROR,
                        "mounts[0].sshfs.sftpDriver", "sshfs.sftpDriver \"internal\" is not one of \"builtin\", "
                                + "\"openssh-sftp-server\""),
                reject("mapped-xattr breaks symlinks", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions("mapped-xattr", null, null, null))), WARNING,
                        "mounts[0].9p.securityModel", "symlinks in this mount will not work"),
                reject("mapped-file breaks symlinks", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions("mapped-file", null, null, null))), WARNING,
                        "mounts[0].9p.securityModel", "is incompatible with symlinks"),
                reject("mountInotify needs Lima 0.21", h -> TestHosts.linuxRoot(h).toBuilder()
                                .limactl(Tool.at("/usr/local/bin/limactl"), LimaVersion.parse("0.20.2")).build(),
                        ninep(src().withWritable(true)).withMountInotify(true), ERROR, "mountInotify",
                        "mountInotify true needs Lima 0.21 or later; limactl is 0.20.2"),
                reject("mountInotify skips read-only mounts", LINUX_ROOT,
                        ninep(src()).withMountInotify(true), WARNING, "mounts[0].writable",
                        "mounts[0] (~/src): writable false means mountInotify forwards no host events"),
                reject("writable reverse-sshfs is discouraged", LINUX_ROOT,
                        sshfs(src().withWritable(true)), WARNING, "mounts[0].writable",
                        "writable true is discouraged with mountType \"reverse-sshfs\""),
                reject("location must be absolute", LINUX_ROOT, ninep(MountSpec.of("src")), ERROR,
                        "mounts[0].location", "mounts[0] (src): location \"src\" must be an absolute path"),
                reject("location must be a directory", LINUX_ROOT, ninep(MountSpec.of("~/notes.txt")), ERROR,
                        "mounts[0].location", "location \"~/notes.txt\" is not a directory"),
                reject("missing location is a warning", LINUX_ROOT, ninep(MountSpec.of("~/later")), WARNING,
                        "mounts[0].location", "location \"~/later\" does not exist"),
                reject("mountPoint must not start with ~", LINUX_ROOT, ninep(src().withMountPoint("~/src")), ERROR,
                        "mounts[0].mountPoint", "mountPoint \"~/src\" must not start with ~"),
                reject("mountPoint must be absolute", LINUX_ROOT, ninep(src().withMountPoint("mnt/src")), ERROR,
                        "mounts[0].mountPoint", "mountPoint \"mnt/src\" must be an absolute guest path"),
                reject("mountPoint not a system path", LINUX_ROOT, ninep(src().withMountPoint("/etc")), ERROR,
                        "mounts[0].mountPoint", "mountPoint \"/etc\" is a system path"),
                reject("mountPoint system path after cleaning", LINUX_ROOT,
                        ninep(src().withMountPoint("/usr/local/..")), ERROR,
                        "mounts[0].mountPoint", "mountPoint \"/usr/local/..\" is a system path"),
                reject("default mountPoint not a system path", LINUX_ROOT, ninep(MountSpec.of("/tmp")), ERROR,
                        "mounts[0].mountPoint", "mountPoint \"/tmp\" (the location, by default) is a system path"),
                reject("mountPoints must differ", LINUX_ROOT,
                        ninep(src().withMountPoint("/mnt/x"), MountSpec.of("~/other").withMountPoint("/mnt/x/")),
                        ERROR, "mounts[1].mountPoint",
                        "mounts[1] (~/other): mountPoint \"/mnt/x\" is already the mountPoint of mounts[0] (~/src)"),
                reject("mountType not in mountTypesUnsupported", LINUX_ROOT,
                        new InstanceSpec(null, MountType.NINEP, List.of(src()), null, null, null, null,
                                List.of(MountType.NINEP)), ERROR, "mountType",
                        "mountType \"9p\" is listed in mountTypesUnsupported"),
                reject("9p needs Lima 0.10", h -> TestHosts.linuxRoot(h).toBuilder()
                                .limactl(Tool.at("/usr/local/bin/limactl"), LimaVersion.parse("0.9.2")).build(),
                        ninep(src()), ERROR, "mountType", "mountType \"9p\" needs Lima 0.10 or later"),
                reject("virtiofs queueSize limits", LINUX_ROOT,
                        InstanceSpec.of(MountType.VIRTIOFS, src().withVirtiofs(new VirtiofsOptions(1000))), ERROR,
                        "mounts[0].virtiofs.queueSize", "virtiofs.queueSize 1000 must be a power of two"),
                reject("options of another mount type are ignored", LINUX_ROOT,
                        sshfs(src().withNineP(new NinePOptions(null, null, "64KiB", null))), WARNING,
                        "mounts[0].9p", "the 9p options are ignored with mountType \"reverse-sshfs\""),
                reject("cpus at least 1", LINUX_ROOT, ninep(src()).withCpus(0), ERROR, "cpus",
                        "cpus 0 must be at least 1"),
                reject("memory is a size", LINUX_ROOT, ninep(src()).withMemory("plenty"), ERROR, "memory",
                        "memory \"plenty\" is not a size"));
    }

    static Stream<Row> accepted() {
        return Stream.of(
                accept("9p with vmType qemu", LINUX_ROOT, ninep(src()).withVmType(VmType.QEMU)),
                accept("virtiofs with vz on macOS 13", h -> TestHosts.macOs("13.0", h),
                        InstanceSpec.of(MountType.VIRTIOFS, src()).withVmType(VmType.VZ)),
                accept("QEMU's C virtiofsd named, as root",
                        h -> TestHosts.linuxRoot(h).toBuilder().virtiofsd(TestHosts.C_VIRTIOFSD_NAMED).build(),
                        InstanceSpec.of(MountType.VIRTIOFS, src())),
                accept("Rust virtiofsd as a user",
                        h -> TestHosts.linuxUser(h).toBuilder().virtiofsd(TestHosts.RUST_VIRTIOFSD).build(),
                        InstanceSpec.of(MountType.VIRTIOFS, src())),
                accept("wsl2 on Windows build 19041", h -> TestHosts.windows(19041, h),
                        InstanceSpec.of(MountType.WSL2, src()).withVmType(VmType.WSL2)),
                accept("msize exactly 4KiB", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, null, "4KiB", null)))),
                accept("msize in MiB", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions(null, null, "1MiB", null)))),
                accept("every listed 9p value", LINUX_ROOT,
                        ninep(src().withNineP(new NinePOptions("passthrough", "9p2000.u", "512KiB", "loose")))),
                accept("listed sftpDriver", LINUX_ROOT,
                        sshfs(src().withSshfs(new SshfsOptions(false, true, "builtin")))),
                accept("securityModel none", LINUX_ROOT, ninep(src().withNineP(new NinePOptions("none", null, null,
                        null)))),
                accept("mountInotify with Lima 0.21 and a writable mount", h -> TestHosts.linuxRoot(h).toBuilder()
                                .limactl(Tool.at("/usr/local/bin/limactl"), LimaVersion.parse("0.21.0")).build(),
                        ninep(src().withWritable(true)).withMountInotify(true)),
                accept("read-only reverse-sshfs", LINUX_ROOT, sshfs(src())),
                accept("absolute location", LINUX_ROOT, ninep(MountSpec.of(home.resolve("src").toString()))),
                accept("absolute mountPoint below a system path", LINUX_ROOT,
                        ninep(src().withMountPoint("/tmp/src"), MountSpec.of("~/other").withMountPoint("/mnt/other"))),
                accept("default mountType falls back from mountTypesUnsupported", LINUX_ROOT,
                        new InstanceSpec(null, null, List.of(src()), null, null, null, null, List.of(MountType.NINEP))),
                accept("virtiofs queueSize 1024", LINUX_ROOT,
                        InstanceSpec.of(MountType.VIRTIOFS, src().withVirtiofs(new VirtiofsOptions(1024)))),
                accept("cpus and memory", LINUX_ROOT, ninep(src()).withCpus(1).withMemory("512MiB")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectedSideNamesTheFieldTheValueAndTheRule(Row row) {
        ValidationReport report = new SpecResolver(row.host().apply(home)).validate(row.spec());

        assertThat(report.issues())
                .as("issues of %s", row.name())
                .anySatisfy(issue -> {
                    assertThat(issue.severity()).isEqualTo(row.severity());
                    assertThat(issue.field()).isEqualTo(row.field());
                    assertThat(issue.message()).contains(row.message());
                });
        if (row.severity() == WARNING) {
            assertThat(report.errors()).as("a warning goes on").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptedSideHasNoIssue(Row row) {
        ValidationReport report = new SpecResolver(row.host().apply(home)).validate(row.spec());

        assertThat(report.issues()).as("issues of %s", row.name()).isEmpty();
    }

}
