package dev.limajunit.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecResolverTest {

    @TempDir
    static Path home;

    @BeforeAll
    static void sourceTree() throws IOException {
        Files.createDirectories(home.resolve("src"));
    }

    private static HostFacts linux() {
        return TestHosts.linuxRoot(home);
    }

    @Test
    void appliesLimasDefaultsToAReadOnly9pMount() {
        ResolvedInstance resolved = new SpecResolver(linux()).resolve(InstanceSpec.of(null, MountSpec.of("~/src")));

        assertThat(resolved.vmType()).isEqualTo(VmType.QEMU);
        assertThat(resolved.mountType()).as("Lima 1.0+ on QEMU").isEqualTo(MountType.NINEP);
        assertThat(resolved.mountInotify()).isFalse();
        ResolvedMount mount = resolved.mounts().get(0);
        assertThat(mount.index()).isZero();
        assertThat(mount.location()).isEqualTo(home.resolve("src"));
        assertThat(mount.mountPoint()).as("the location, ~ expanded").isEqualTo(home.resolve("src").toString());
        assertThat(mount.writable()).isFalse();
        assertThat(mount.ninep()).isEqualTo(new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L,
                128 * 1024, NinePCache.FSCACHE));
        assertThat(mount.sshfs()).isEqualTo(new ResolvedMount.Sshfs(true, false, SftpDriver.OPENSSH_SFTP_SERVER));
        assertThat(mount.virtiofsQueueSize()).isZero();
    }

    @Test
    void aWritable9pMountCachesWithMmap() {
        ResolvedMount mount = new SpecResolver(linux())
                .resolve(InstanceSpec.of(MountType.NINEP, MountSpec.of("~/src").withWritable(true))).mounts().get(0);

        assertThat(mount.writable()).isTrue();
        assertThat(mount.ninep().cache()).isEqualTo(NinePCache.MMAP);
    }

    @Test
    void writtenValuesWinOverDefaults() {
        MountSpec written = new MountSpec("~/src", "/mnt/{{.UID}}/src/", true,
                new SshfsOptions(false, true, "builtin"),
                new NinePOptions("passthrough", "9p2000.u", "1MiB", "none"),
                new VirtiofsOptions(256));
        InstanceSpec spec = new InstanceSpec(VmType.QEMU, MountType.NINEP, List.of(written), true, 3, "1.5GiB", null,
                List.of());

        ResolvedInstance resolved = new SpecResolver(linux()).resolve(spec);

        ResolvedMount mount = resolved.mounts().get(0);
        assertThat(mount.mountPoint()).isEqualTo("/mnt/0/src");
        assertThat(mount.ninep()).isEqualTo(new ResolvedMount.NineP(SecurityModel.PASSTHROUGH,
                ProtocolVersion.P9_2000_U, 1 << 20, NinePCache.NONE));
        assertThat(mount.sshfs()).isEqualTo(new ResolvedMount.Sshfs(false, true, SftpDriver.BUILTIN));
        assertThat(mount.virtiofsQueueSize()).isEqualTo(256);
        assertThat(resolved.mountInotify()).isTrue();
        assertThat(resolved.cpus()).isEqualTo(3);
        assertThat(resolved.memoryBytes()).isEqualTo(3L << 29);
    }

    @Test
    void sftpDriverIsBuiltinWithoutAnSftpServerBinary() {
        HostFacts noSftpServer = linux().toBuilder().sftpServer(null).build();

        ResolvedMount mount = new SpecResolver(noSftpServer)
                .resolve(InstanceSpec.of(MountType.REVERSE_SSHFS, MountSpec.of("~/src"))).mounts().get(0);

        assertThat(mount.sshfs().sftpDriver()).isEqualTo(SftpDriver.BUILTIN);
    }

    @Test
    void cpusAndMemoryDefaultToLimasMinOfFourAndHalfTheHost() {
        HostFacts big = linux().toBuilder().cpus(16).memoryBytes(64L << 30).build();
        HostFacts small = linux().toBuilder().cpus(2).memoryBytes(6L << 30).build();
        InstanceSpec spec = InstanceSpec.of(null, MountSpec.of("~/src"));

        assertThat(new SpecResolver(big).resolve(spec)).extracting(ResolvedInstance::cpus,
                ResolvedInstance::memoryBytes)
                .containsExactly(4, 4L << 30);
        assertThat(new SpecResolver(small).resolve(spec))
                .extracting(ResolvedInstance::cpus, ResolvedInstance::memoryBytes)
                .containsExactly(2, 3L << 30);
    }

    @ParameterizedTest(name = "Lima {0}, vmType {1} -> {2}")
    @CsvSource({
        "0.9.0,  qemu, reverse-sshfs",
        "0.10.0, qemu, reverse-sshfs",
        "0.16.0, vz,   reverse-sshfs",
        "0.17.0, qemu, reverse-sshfs",
        "0.17.0, vz,   virtiofs",
        "1.0.0,  qemu, 9p",
        "1.0.0,  vz,   virtiofs",
        "2.2.0,  qemu, 9p",
        "2.2.0,  wsl2, wsl2",
    })
    void defaultMountTypeFollowsTheSeedsTable(String lima, String vmType, String expected) {
        assertThat(LimaDefaults.mountType(LimaVersion.parse(lima), VmType.fromYaml(vmType), List.of()))
                .isEqualTo(MountType.fromYaml(expected));
    }

    @Test
    void defaultMountTypeFallsBackWhenTheKernelCannotMountIt() {
        assertThat(LimaDefaults.mountType(LimaVersion.MODELLED, VmType.QEMU, List.of(MountType.NINEP)))
                .isEqualTo(MountType.REVERSE_SSHFS);
    }

    @ParameterizedTest(name = "Lima {0}, sftp-server found {1} -> {2}")
    @CsvSource({"0.9.0, true, builtin", "0.10.0, true, openssh-sftp-server", "2.2.0, false, builtin"})
    void sftpDriverDefaultFollowsTheSeed(String lima, boolean found, String expected) {
        assertThat(LimaDefaults.sftpDriver(LimaVersion.parse(lima), found)).isEqualTo(SftpDriver.fromYaml(expected));
    }

    @Test
    void limactlsVersionDecidesTheDefaults() {
        HostFacts oldLima = linux().toBuilder()
                .limactl(Tool.at("/usr/local/bin/limactl", "limactl version 0.17.2"), LimaVersion.parse("0.17.2"))
                .build();

        assertThat(new SpecResolver(oldLima).resolve(InstanceSpec.of(null, MountSpec.of("~/src"))).mountType())
                .isEqualTo(MountType.REVERSE_SSHFS);
    }

    @Test
    void vmTypeDefaultsToVzOnMacOs135AndLaterElseQemu() {
        assertThat(LimaDefaults.vmType(TestHosts.macOs("13.5", home))).isEqualTo(VmType.VZ);
        assertThat(LimaDefaults.vmType(TestHosts.macOs("13.4.1", home))).isEqualTo(VmType.QEMU);
        assertThat(LimaDefaults.vmType(linux())).isEqualTo(VmType.QEMU);
    }

    @Test
    void resolveRefusesWithEveryErrorListed() {
        InstanceSpec spec = InstanceSpec.of(MountType.NINEP,
                MountSpec.of("~/src").withNineP(new NinePOptions("bogus", null, "2KiB", null)),
                MountSpec.of("relative"));

        assertThatThrownBy(() -> new SpecResolver(linux()).resolve(spec))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.errors()).extracting(ValidationIssue::field).containsExactly(
                            "mounts[0].9p.securityModel", "mounts[0].9p.msize", "mounts[1].location");
                    assertThat(e.getMessage()).contains("3 errors",
                            "mounts[0] (~/src): 9p.msize \"2KiB\" is below the 4KiB minimum",
                            "mounts[0] (~/src): 9p.securityModel \"bogus\" is not one of",
                            "mounts[1] (relative): location \"relative\" must be an absolute path");
                });
    }

    @Test
    void warningsDoNotStopResolution() {
        InstanceSpec spec = InstanceSpec.of(MountType.REVERSE_SSHFS, MountSpec.of("~/src").withWritable(true));
        SpecResolver resolver = new SpecResolver(linux());

        assertThat(resolver.validate(spec).warnings()).hasSize(1);
        assertThat(resolver.resolve(spec).mounts()).hasSize(1);
    }

    @Test
    void unsupportedReasonExplainsWhyAHostCannotRunASpec() {
        SpecResolver user = new SpecResolver(
                TestHosts.linuxUser(home).toBuilder().virtiofsd(TestHosts.C_VIRTIOFSD_NAMED).build());

        assertThat(user.unsupportedReason(InstanceSpec.of(MountType.VIRTIOFS, MountSpec.of("~/src"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("needs root"));
        assertThat(user.unsupportedReason(InstanceSpec.of(MountType.NINEP, MountSpec.of("~/src")))).isEmpty();
    }

    @Test
    void validateAsWrittenChecksPathsOptionsAndSizesButNotWhatTheHostCanRun() {
        InstanceSpec spec = new InstanceSpec(VmType.VZ, MountType.VIRTIOFS,
                List.of(MountSpec.of("~/src").withMountPoint("mnt/src").withNineP(new NinePOptions(null, null, "2KiB",
                        null))),
                null, 0, null, null, List.of());

        ValidationReport report = SpecResolver.validateAsWritten(spec, home);

        assertThat(report.errors()).extracting(ValidationIssue::message).containsExactly(
                "cpus 0 must be at least 1",
                "mounts[0] (~/src): mountPoint \"mnt/src\" must be an absolute guest path (starting with /)",
                "mounts[0] (~/src): 9p.msize \"2KiB\" is below the 4KiB minimum");
        assertThat(report.warnings()).extracting(ValidationIssue::field).containsExactly("mounts[0].9p");
        assertThat(new SpecResolver(linux()).validate(spec).errors()).extracting(ValidationIssue::field)
                .as("the host-dependent rules add what this Linux host cannot run").contains("vmType");
    }
}
