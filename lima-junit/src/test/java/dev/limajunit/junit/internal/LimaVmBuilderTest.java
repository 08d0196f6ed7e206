package dev.limajunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.VirtiofsOptions;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.LimaMount;
import dev.limajunit.junit.LimaVm;
import dev.limajunit.junit.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LimaVm.Builder} and {@link LimaVm#fromLimaYaml(Path)} without a VM: what reaches the request, that an equal
 * {@code @LimaInstance} gets the same key (so the two share one VM), and bad input, table-driven: each row fails in
 * {@code build()} naming the attribute, the value and the rule.
 */
class LimaVmBuilderTest {

    @TempDir
    static Path dir;

    static Path aFile;

    @BeforeAll
    static void files() throws IOException {
        aFile = Files.writeString(dir.resolve("not-a-directory.txt"), "x");
    }

    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP, cpus = 2, memory = "1GiB",
            mounts = @Mount(mountPoint = "/mnt/src", writable = true))
    static class AnnotatedTwin {
    }

    record Row(String name, Supplier<LimaVm> build, String attribute, String value, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> badInput() {
        return Stream.of(
                new Row("relative mountPoint", () -> LimaVm.builder().mount("mnt/src", true).build(),
                        "LimaVm(mounts[0].mountPoint)", "\"mnt/src\"", "must be an absolute guest path"),
                new Row("system mountPoint", () -> LimaVm.builder().mount(dir, "/etc", false).build(),
                        "LimaVm(mounts[0].mountPoint)", "\"/etc\"", "is a system path"),
                new Row("two mounts on one mountPoint", () -> LimaVm.builder().mount("/mnt/x", false).mount("/mnt/x",
                        true).build(),
                        "LimaVm(mounts[1].mountPoint)", "\"/mnt/x\"", "is already the mountPoint of mounts[0]"),
                new Row("location is a file", () -> LimaVm.builder().mount(aFile, "/mnt/f", false).build(),
                        "LimaVm(mounts[0].location)", aFile.toString(), "is not a directory"),
                new Row("9p options on a virtiofs mount", () -> LimaVm.builder().mountType(MountType.VIRTIOFS)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").ninepMsize("256KiB")).build(),
                        "LimaVm(mounts[0].9p)", "ignored with mountType \"virtiofs\"",
                                "declare 9p options only on a 9p VM"),
                new Row("sshfs options on a 9p mount", () -> LimaVm.builder().mountType(MountType.NINEP)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").sshfsCache(false)).build(),
                        "LimaVm(mounts[0].sshfs)", "ignored with mountType \"9p\"", "only on a reverse-sshfs VM"),
                new Row("msize below 4KiB", () -> LimaVm.builder().mountType(MountType.NINEP)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").ninepMsize("2KiB")).build(),
                        "LimaVm(mounts[0].9p.msize)", "\"2KiB\"", "is below the 4KiB minimum"),
                new Row("msize not a size", () -> LimaVm.builder().mountType(MountType.NINEP)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").ninepMsize("big")).build(),
                        "LimaVm(mounts[0].9p.msize)", "\"big\"", "is not a size"),
                new Row("unknown 9p cache", () -> LimaVm.builder().mountType(MountType.NINEP)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").ninepCache("writeback")).build(),
                        "LimaVm(mounts[0].9p.cache)", "\"writeback\"", "is not one of"),
                new Row("unknown 9p securityModel", () -> LimaVm.builder().mountType(MountType.NINEP)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").ninepSecurityModel("open")).build(),
                        "LimaVm(mounts[0].9p.securityModel)", "\"open\"", "is not one of"),
                new Row("unknown sftpDriver", () -> LimaVm.builder().mountType(MountType.REVERSE_SSHFS)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").sshfsSftpDriver("ftp")).build(),
                        "LimaVm(mounts[0].sshfs.sftpDriver)", "\"ftp\"", "is not one of"),
                new Row("queueSize not a power of two", () -> LimaVm.builder().mountType(MountType.VIRTIOFS)
                                .mount(LimaMount.fresh().mountPoint("/mnt/a").virtiofsQueueSize(1000)).build(),
                        "LimaVm(mounts[0].virtiofs.queueSize)", "1000", "must be a power of two"),
                new Row("no cpus", () -> LimaVm.builder().cpus(0).build(), "LimaVm(cpus)", "0", "must be at least 1"),
                new Row("memory not a size", () -> LimaVm.builder().memory("plenty").build(),
                        "LimaVm(memory)", "\"plenty\"", "is not a size"),
                new Row("zero disk", () -> LimaVm.builder().disk("0GiB").build(),
                        "LimaVm(disk)", "\"0GiB\"", "must be larger than zero"),
                new Row("zero startTimeout", () -> LimaVm.builder().startTimeout(Duration.ZERO).build(),
                        "LimaVm(startTimeout", "PT0S", "must be positive"),
                new Row("no engine", () -> LimaVm.builder().engine(null).build(),
                        "LimaVm(engine", "null", "name one of AUTO, LIMACTL, QEMU"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void buildFailsNamingAttributeValueAndRule(Row row) {
        assertThatThrownBy(() -> row.build().get())
                .isInstanceOf(LimaConfigurationException.class)
                .hasMessageStartingWith("invalid LimaVm (1 error), nothing was booted:")
                .hasMessageContaining(row.attribute())
                .hasMessageContaining(row.value())
                .hasMessageContaining(row.rule());
    }

    @Test
    void everyBrokenRuleIsNamedAtOnce() {
        assertThatThrownBy(() -> LimaVm.builder().cpus(0).memory("plenty").mount("relative", true).build())
                .hasMessageStartingWith("invalid LimaVm (3 errors), nothing was booted:")
                .hasMessageContaining("LimaVm(cpus)").hasMessageContaining("LimaVm(memory)")
                .hasMessageContaining("LimaVm(mounts[0].mountPoint)");
    }

    @Test
    void optionsOfAnotherTypeAreFineWhileTheMountTypeIsLimasDefault() {
        // Which type Lima picks depends on the host: the options may be meant for it; the boot warns if not.
        LimaVm vm = LimaVm.builder().mount(LimaMount.fresh().mountPoint("/mnt/a").ninepMsize("256KiB")).build();

        assertThat(vm.request("x").spec().mounts().get(0).ninep().msize()).isEqualTo("256KiB");
    }

    @Test
    void theBuilderOfTheExampleReachesTheRequest() {
        InstanceRequest request = LimaVm.builder()
                .mountType(MountType.NINEP)
                .vmType(VmType.QEMU)
                .mount(Path.of("build/src"), "/mnt/src", true)
                .mount(LimaMount.fresh().mountPoint("/mnt/cache").ninepMsize("256KiB").ninepCache("loose"))
                .mountInotify(true)
                .cpus(2).memory("1GiB").disk("8GiB")
                .template("debian-12")
                .startTimeout(Duration.ofMinutes(3))
                .shared(false)
                .build().request("com.example.FooIT.vm");

        assertThat(request.origin()).isEqualTo("LimaVm in com.example.FooIT.vm");
        assertThat(request.spec().mountType()).isEqualTo(MountType.NINEP);
        assertThat(request.spec().vmType()).isEqualTo(VmType.QEMU);
        assertThat(request.spec().mounts()).containsExactly(
                MountSpec.of(Path.of("build/src").toAbsolutePath().toString()).withMountPoint("/mnt/src")
                        .withWritable(true),
                MountSpec.of(null).withMountPoint("/mnt/cache").withNineP(new NinePOptions(null, null, "256KiB",
                        "loose")));
        assertThat(request.freshMounts()).containsExactly(1);
        assertThat(request.spec().mountInotify()).isTrue();
        assertThat(request.spec().cpus()).isEqualTo(2);
        assertThat(request.spec().memory()).isEqualTo("1GiB");
        assertThat(request.spec().disk()).isEqualTo("8GiB");
        assertThat(request.template()).isEqualTo("debian-12");
        assertThat(request.startTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(request.shared()).isFalse();
    }

    @Test
    void withoutMountsItHasTheAnnotationsDefaultMountAndTheSameKey() {
        InstanceRequest fromBuilder = LimaVm.builder().build().request("x");
        InstanceRequest fromAnnotation = InstanceRequests.forMethodOrClass(Defaults.class);

        assertThat(fromBuilder.freshMounts()).containsExactly(0);
        assertThat(fromBuilder.key()).isEqualTo(fromAnnotation.key());
    }

    @LimaInstance
    static class Defaults {
    }

    @Test
    void anEqualAnnotationGetsTheSameKeySoTheyShareOneVm() {
        InstanceRequest fromBuilder = LimaVm.builder().engine(EngineChoice.QEMU).mountType(MountType.NINEP)
                .mount("/mnt/src", true).cpus(2).memory("1GiB").mountInotify(false).build().request("x");
        InstanceRequest fromAnnotation = InstanceRequests.forMethodOrClass(AnnotatedTwin.class);

        assertThat(fromBuilder.spec()).isEqualTo(fromAnnotation.spec());
        assertThat(fromBuilder.key()).isEqualTo(fromAnnotation.key());
        assertThat(LimaVm.builder().engine(EngineChoice.QEMU).mountType(MountType.NINEP).mount("/mnt/src", true)
                .cpus(2).memory("2GiB").build().request("x").key()).as("another memory")
                        .isNotEqualTo(fromAnnotation.key());
    }

    @Test
    void theAccessorsSayWhenTheVmIsNotUp() {
        LimaVm vm = LimaVm.builder().build();

        assertThatThrownBy(vm::shell).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the VM is not up").hasMessageContaining("@RegisterExtension");
    }

    // --- fromLimaYaml ---

    private static Path yaml(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void fromLimaYamlTakesTheModelledFields() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path file = yaml("full.yaml", """
                vmType: qemu
                mountType: virtiofs
                images:
                  - location: "https://cloud.debian.org/images/cloud/bookworm/latest/debian-12-genericcloud-amd64.qcow2"
                    arch: x86_64
                cpus: 2
                memory: 1GiB
                disk: 5GiB
                mountInotify: true
                mounts:
                  - location: "%s"
                    mountPoint: /mnt/site
                    virtiofs:
                      queueSize: 512
                    9p:
                      cache: mmap
                provision:
                  - mode: system
                    script: echo hi
                """.formatted(site));

        LimaVm vm = LimaVm.fromLimaYaml(file);
        InstanceRequest request = vm.request("com.example.SiteIT.vm");

        assertThat(request.origin()).isEqualTo("LimaVm.fromLimaYaml(" + file + ") in com.example.SiteIT.vm");
        assertThat(request.spec().vmType()).isEqualTo(VmType.QEMU);
        assertThat(request.spec().mountType()).isEqualTo(MountType.VIRTIOFS);
        assertThat(request.spec().cpus()).isEqualTo(2);
        assertThat(request.spec().memory()).isEqualTo("1GiB");
        assertThat(request.spec().disk()).isEqualTo("5GiB");
        assertThat(request.spec().mountInotify()).isTrue();
        assertThat(request.spec().mounts()).containsExactly(MountSpec.of(site.toString()).withMountPoint("/mnt/site")
                .withVirtiofs(new VirtiofsOptions(512)).withNineP(new NinePOptions(null, null, null, "mmap")));
        assertThat(request.freshMounts()).isEmpty();
    }

    @Test
    void fromLimaYamlIsRefinedWithToBuilder() throws IOException {
        Path file = yaml("refine.yaml", """
                mountType: virtiofs
                mounts:
                  - location: "~"
                    9p:
                      msize: 256KiB
                """);

        InstanceRequest request = LimaVm.fromLimaYaml(file).toBuilder()
                .mountType(MountType.NINEP).engine(EngineChoice.QEMU).shared(false).build().request("x");

        assertThat(request.spec().mountType()).isEqualTo(MountType.NINEP);
        assertThat(request.spec().mounts()).extracting(MountSpec::location).containsExactly("~");
        assertThat(request.engine()).isEqualTo(EngineChoice.QEMU);
        assertThat(request.origin()).startsWith("LimaVm.fromLimaYaml(" + file + ")");
        // The yaml's 9p options on what was a virtiofs VM only warn, as in Lima; the builder's own would fail.
        assertThat(LimaVm.fromLimaYaml(file).request("x").spec().mounts().get(0).ninep().msize()).isEqualTo("256KiB");
    }

    @Test
    void aLimaYamlWithoutMountsHasNone() throws IOException {
        assertThat(LimaVm.fromLimaYaml(yaml("none.yaml", "cpus: 1\n")).request("x").spec().mounts()).isEmpty();
    }

    @Test
    void aMissingLimaYamlIsNamedWithTheWorkingDirectory() {
        Path missing = dir.resolve("missing.yaml");

        assertThatThrownBy(() -> LimaVm.fromLimaYaml(missing)).isInstanceOf(LimaConfigurationException.class)
                .hasMessageStartingWith("invalid LimaVm.fromLimaYaml(" + missing + ") (1 error), nothing was booted:")
                .hasMessageContaining(missing
                        + ": does not exist (a relative path is taken from the working directory");
    }

    @Test
    void aLimaYamlThatIsNotYamlIsNamedWithTheLine() throws IOException {
        Path file = yaml("broken.yaml", "mountType: 9p\nmounts:\n  - location: /tmp\n   mountPoint: [unclosed\n");

        assertThatThrownBy(() -> LimaVm.fromLimaYaml(file)).isInstanceOf(LimaConfigurationException.class)
                .hasMessageContaining(file + ": not valid YAML").hasMessageContaining("(line 4");
    }

    @Test
    void aLimaYamlThatIsNoMappingFails() throws IOException {
        Path file = yaml("text.yaml", "just some text\n");

        assertThatThrownBy(() -> LimaVm.fromLimaYaml(file)).hasMessageContaining(file
                + ": the document is not a mapping");
    }

    static Stream<List<String>> badYaml() {
        return Stream.of(
                List.of("cpus: two\n", "LimaVm(cpus)", "\"two\"", "is not a whole number"),
                List.of("mountType: nfs\n", "LimaVm(mountType)", "\"nfs\"", "is not one of"),
                List.of("mounts:\n  - mountPoint: /mnt/a\n", "LimaVm(mounts[0].location)", "mounts[0]",
                        "location is required"),
                List.of("mounts:\n  - location: /tmp\n    mountPoint: mnt/a\n", "LimaVm(mounts[0].mountPoint)",
                        "\"mnt/a\"",
                        "must be an absolute guest path"),
                List.of("mountType: 9p\nmounts:\n  - location: /tmp\n    mountPoint: /mnt/a\n    9p:\n      msize: "
                        + "2KiB\n",
                        "LimaVm(mounts[0].9p.msize)", "\"2KiB\"", "is below the 4KiB minimum"),
                List.of("mounts:\n  - location: /tmp\n    writable: yes please\n", "LimaVm(mounts[0].writable)",
                        "\"yes please\"", "is not a boolean"));
    }

    @ParameterizedTest
    @MethodSource("badYaml")
    void aLimaYamlThatBreaksARuleNamesFileFieldValueAndRule(List<String> row) throws IOException {
        Path file = yaml("bad.yaml", row.get(0));

        assertThatThrownBy(() -> LimaVm.fromLimaYaml(file)).isInstanceOf(LimaConfigurationException.class)
                .hasMessageStartingWith("invalid LimaVm.fromLimaYaml(" + file + ") (1 error)")
                .hasMessageContaining(row.get(1)).hasMessageContaining(row.get(2)).hasMessageContaining(row.get(3));
    }
}
