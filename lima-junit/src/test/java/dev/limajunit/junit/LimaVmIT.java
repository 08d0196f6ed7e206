package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.internal.LimaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

/**
 * {@link LimaVm} fields against real qemu VMs, in one run: a builder-declared writable 9p mount (a guest write
 * reaches the host; the accessors work from {@code @BeforeAll} on; a {@code @Nested} class uses the outer VM), an
 * equal {@code @LimaInstance} class that shares its VM, and a read-only virtiofs mount read from a lima.yaml (the
 * guest's write is refused; a failing test gets the VM's diagnostics), and a {@code @ForEachMountType} class with a
 * LimaVm whose 9p invocation shares the first VM, as do a {@code PER_CLASS} class (its constructor takes the shell)
 * and a subclass of a base class that holds the field. Boots two VMs.
 */
class LimaVmIT {

    /** The lima.yaml's host directory and the file itself, made before the fixture class reads it. */
    static final Path YAML_DIR = tempDirectory();
    static final Path SITE = YAML_DIR.resolve("site");

    static class BuilderNineP {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder()
                .engine(EngineChoice.QEMU)
                .mountType(MountType.NINEP)
                .mount("/mnt/src", true)
                .cpus(2).memory("1GiB")
                .startTimeout(Duration.ofMinutes(3))
                .build();

        static Instance fromBeforeAll;

        @BeforeAll
        static void theAccessorsWorkFromBeforeAll() {
            fromBeforeAll = vm.instance();
            builderVmName = vm.instance().name();
            assertThat(vm.mountType()).isEqualTo(MountType.NINEP);
        }

        @Test
        void aGuestWriteReachesTheHost(GuestShell shell, MountedDirectory dir) throws IOException {
            shell.execChecked("sh", "-c", "echo -n from-guest > /mnt/src/limavm.txt");

            assertThat(Files.readString(dir.host("limavm.txt"))).isEqualTo("from-guest");
            assertThat(dir.writable()).isTrue();
        }

        @Test
        void theAccessorsAreTheParametersVm(Instance instance, MountedDirectory dir) throws IOException {
            assertThat(vm.instance()).isSameAs(instance).isSameAs(fromBeforeAll);
            assertThat(vm.mount("/mnt/src").hostPath()).isEqualTo(dir.hostPath());
            assertThat(vm.mount()).isEqualTo(vm.mounts().get(0));
            Files.writeString(dir.host("from-host.txt"), "from-host");
            assertThat(vm.shell().execChecked("cat", "/mnt/src/from-host.txt").stdoutText()).isEqualTo("from-host");
        }

        @Nested
        class Inner {
            @Test
            void usesTheOuterVm(Instance instance) {
                assertThat(instance).isSameAs(vm.instance());
            }
        }
    }

    /** The VM {@link BuilderNineP} ran against (it runs first). */
    static volatile String builderVmName;

    /** The same spec as {@link BuilderNineP}'s, as an annotation: it gets the same VM. */
    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP, cpus = 2, memory = "1GiB",
            mounts = @Mount(mountPoint = "/mnt/src", writable = true))
    static class AnnotatedTwin {
        @Test
        void sharesTheBuildersVm(Instance instance) {
            assertThat(instance.name()).isEqualTo(builderVmName);
        }
    }

    /** With {@code @TestInstance(PER_CLASS)} JUnit resolves the constructor before any BeforeAll: it gets the VM. */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClass {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().engine(EngineChoice.QEMU).mountType(MountType.NINEP)
                .mount("/mnt/src", true).cpus(2).memory("1GiB").build();

        private final GuestShell shell;

        PerClass(GuestShell shell) {
            this.shell = shell;
        }

        @Test
        void theConstructorsShellIsTheSharedVms() {
            assertThat(vm.instance().name()).isEqualTo(builderVmName);
            assertThat(shell.execChecked("cat", "/proc/mounts").stdoutText()).contains(" /mnt/src 9p ");
        }
    }

    /** A field declared in a superclass, as a team's base test class would hold it. */
    abstract static class NinePBase {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().engine(EngineChoice.QEMU).mountType(MountType.NINEP)
                .mount("/mnt/src", true).cpus(2).memory("1GiB").build();
    }

    static class InheritsTheField extends NinePBase {
        @Test
        void inheritsTheVm(Instance instance) {
            assertThat(instance.name()).isEqualTo(builderVmName);
            assertThat(vm.instance()).isSameAs(instance);
        }
    }

    /** Under {@code @ForEachMountType} a LimaVm's mount type is the invocation's; with 9p it equals BuilderNineP's. */
    @ForEachMountType(MountType.NINEP)
    static class Template {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().engine(EngineChoice.QEMU).mount("/mnt/src", true).cpus(2)
                .memory("1GiB")
                .build();

        @Test
        void runsOnTheInvocationsType(MountType type) {
            assertThat(vm.mountType()).isEqualTo(type);
            assertThat(vm.instance().name()).isEqualTo(builderVmName);
        }
    }

    static class FromLimaYaml {
        @RegisterExtension
        static final LimaVm vm = LimaVm.fromLimaYaml(writeLimaYaml()).toBuilder().engine(EngineChoice.QEMU).build();

        @Test
        void theGuestCannotWriteToTheReadOnlyMount(GuestShell shell, MountedDirectory dir) throws IOException {
            Files.writeString(SITE.resolve("index.html"), "<p>hi</p>");

            assertThat(dir.type()).isEqualTo(MountType.VIRTIOFS);
            assertThat(shell.execChecked("cat", "/mnt/site/index.html").stdoutText()).isEqualTo("<p>hi</p>");
            ExecResult write = shell.exec("sh", "-c", "echo x > /mnt/site/attempt.txt");
            assertThat(write.exitCode()).isNotZero();
            assertThat(write.stderrText()).contains("Read-only file system");
            assertThat(SITE.resolve("attempt.txt")).doesNotExist();
        }

        @Test
        void aFailingTestGetsTheVmsDiagnostics(GuestShell shell) {
            assertThat(shell.exec("false").exitCode()).as("fails on purpose").isZero();
        }
    }

    static Path writeLimaYaml() {
        try {
            Files.createDirectories(SITE);
            return Files.writeString(YAML_DIR.resolve("lima.yaml"), """
                    # a user's own Lima configuration; lima-junit takes the mount parts and the sizes
                    images:
                      - location: "https://cloud.debian.org/images/cloud/bookworm/latest/\
                    debian-12-genericcloud-amd64.qcow2"
                    vmType: qemu
                    mountType: virtiofs
                    cpus: 2
                    memory: 1GiB
                    mounts:
                      - location: "%s"
                        mountPoint: /mnt/site
                        writable: false
                    """.formatted(SITE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("lima-junit-limavm-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteTheYamlDirectory() throws IOException {
        try (Stream<Path> tree = Files.walk(YAML_DIR)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Test
    void limaVmFieldsBootShareAndReportAsTheAnnotationDoes() {
        Instant started = Instant.now();
        EngineExecutionResults results = TestKit.run(Map.of(), BuilderNineP.class, AnnotatedTwin.class, Template.class,
                PerClass.class, InheritsTheField.class, FromLimaYaml.class);
        Duration took = Duration.between(started, Instant.now());

        List<String> booted = TestKit.reportEntries(results, LimaKeys.BOOTED);
        System.out.printf("LimaVmIT: %d VM boot(s) in %s: %s%n", booted.size(), took, booted);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("aGuestWriteReachesTheHost"), finishedSuccessfully()))
                .haveExactly(1, event(test("theAccessorsAreTheParametersVm"), finishedSuccessfully()))
                .haveExactly(1, event(test("usesTheOuterVm"), finishedSuccessfully()))
                .haveExactly(1, event(test("sharesTheBuildersVm"), finishedSuccessfully()))
                .haveExactly(1, event(test("runsOnTheInvocationsType"), finishedSuccessfully()))
                .haveExactly(1, event(test("theConstructorsShellIsTheSharedVms"), finishedSuccessfully()))
                .haveExactly(1, event(test("inheritsTheVm"), finishedSuccessfully()))
                .haveExactly(1, event(test("theGuestCannotWriteToTheReadOnlyMount"), finishedSuccessfully()))
                .haveExactly(1, event(test("aFailingTestGetsTheVmsDiagnostics"),
                        finishedWithFailure(message(m -> m.contains("fails on purpose")))));

        // One 9p VM for the LimaVm class, its nested class, the equal annotated class, the template's 9p
        // invocation, the PER_CLASS class and the subclass of a base holding the field; one virtiofs VM.
        assertThat(booted).hasSize(2);
        assertThat(booted).filteredOn(b -> b.contains(", 9p, ")).hasSize(1);
        assertThat(booted).filteredOn(b -> b.contains(", virtiofs, ")).hasSize(1);
        assertThat(TestKit.reportEntries(results, LimaKeys.REUSED)).hasSize(4);

        // FailureDiagnostics ran for the LimaVm class: the serial log and guest outputs are on the failed test.
        List<String> files = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(e -> e.getTestDescriptor().getDisplayName() + "/"
                        + e.getRequiredPayload(FileEntry.class).getPath().getFileName())
                .toList();
        assertThat(files).contains("aFailingTestGetsTheVmsDiagnostics(GuestShell)/serial.log",
                "aFailingTestGetsTheVmsDiagnostics(GuestShell)/guest-dmesg.txt",
                "aFailingTestGetsTheVmsDiagnostics(GuestShell)/guest-proc-mounts.txt");

        // Once its class has ended, a LimaVm no longer hands out a VM.
        assertThatThrownBy(BuilderNineP.vm::shell).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the VM is not up");
        assertThatThrownBy(Template.vm::shell).isInstanceOf(IllegalStateException.class);
    }
}
