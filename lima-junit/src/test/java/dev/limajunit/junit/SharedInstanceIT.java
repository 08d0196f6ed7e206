package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestCommandException;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.internal.LimaKeys;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

/**
 * One run of many classes against real qemu VMs: classes with one spec share one VM (counted from the
 * {@code lima.booted} report entries), also when they run in parallel; {@code lima.mountTypes=9p} leaves a
 * {@code @ForEachMountType} class and a {@code @MountTypeSource} method with their 9p invocation only, and reports
 * why the other types got none; {@code @KnownLimitation} inverts outcomes of the declared failure only (a failed
 * guest command stays a failure); a failure and a held limitation get the VM's diagnostics.
 * Boots one VM.
 */
class SharedInstanceIT {

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @LimaInstance(engine = dev.limajunit.core.engine.EngineChoice.QEMU, mountType = MountType.NINEP,
            mounts = @Mount(writable = true))
    @interface NinePWritable {
    }

    /** Every VM a fixture test saw, by instance name. */
    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    /** Writes on one side, reads on the other, with the class name in the file so parallel classes do not collide. */
    static void roundTrip(String who, GuestShell shell, MountedDirectory dir) throws Exception {
        Files.writeString(dir.host(who + "-from-host.txt"), who);
        assertThat(shell.execChecked("cat", dir.guest(who + "-from-host.txt").toString()).stdoutText()).isEqualTo(who);
        shell.execChecked("sh", "-c", "echo -n " + who + " > " + dir.guest(who + "-from-guest.txt"));
        assertThat(Files.readString(dir.host(who + "-from-guest.txt"))).isEqualTo(who);
    }

    @NinePWritable
    static class ClassA {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("a", shell, dir);
        }
    }

    @NinePWritable
    static class ClassB {
        /** A nested class without its own annotation runs against its enclosing class's VM. */
        @org.junit.jupiter.api.Nested
        class Inner {
            @Test
            void usesTheEnclosingVm(Instance vm) {
                SEEN.add(vm.name());
                assertThat(vm).isSameAs(fromBeforeAll);
            }
        }

        static Instance fromBeforeAll;

        @BeforeAll
        static void remember(Instance vm) {
            fromBeforeAll = vm;
        }

        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            assertThat(vm).isSameAs(fromBeforeAll);
            SharedInstanceIT.roundTrip("b", shell, dir);
        }
    }

    @NinePWritable
    static class ClassC {
        private final Instance vm;

        ClassC(Instance vm) {
            this.vm = vm;
        }

        @Test
        void roundTrip(MountType type, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            assertThat(type).isEqualTo(MountType.NINEP);
            SharedInstanceIT.roundTrip("c", vm.shell(), dir);
        }
    }

    /** Same spec once its mount type is applied: the 9p invocation shares the VM of ClassA..C. */
    @ForEachMountType
    @LimaInstance(engine = dev.limajunit.core.engine.EngineChoice.QEMU, mounts = @Mount(writable = true))
    static class EveryTypeTemplate {
        @Test
        void runsOnItsType(MountType type, Instance vm, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            assertThat(vm.spec().mountType()).isEqualTo(type);
            SharedInstanceIT.roundTrip("template-" + type, vm.shell(), dir);
        }
    }

    static class Parameterized {
        @ParameterizedTest
        @MountTypeSource
        @LimaInstance(engine = dev.limajunit.core.engine.EngineChoice.QEMU, mounts = @Mount(writable = true))
        void perType(MountType type, GuestShell shell, MountedDirectory dir, Instance vm) throws Exception {
            SEEN.add(vm.name());
            assertThat(dir.type()).isEqualTo(type);
            SharedInstanceIT.roundTrip("param-" + type, shell, dir);
        }
    }

    @NinePWritable
    static class Limitations {
        @Test
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "pinned to fail on 9p for this test")
        void failsAsDeclared(GuestShell shell) {
            assertThat(shell.exec("false").exitCode()).isZero();
        }

        @Test
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "declared but no longer true")
        void passesDespiteTheDeclaration(GuestShell shell) {
            assertThat(shell.exec("true").exitCode()).isZero();
        }

        @Test
        @KnownLimitation(mountTypes = MountType.NINEP, reason = "declared, but the guest breaks first")
        void guestCommandFails(GuestShell shell) {
            shell.execChecked("ls", "/no/such/directory");
        }

        @Test
        @KnownLimitation(mountTypes = MountType.VIRTIOFS, reason = "a virtiofs-only limitation")
        void failsOnAnotherTypeThanDeclared(GuestShell shell) {
            assertThat(shell.exec("false").exitCode()).as("fails for real on 9p").isZero();
        }
    }

    @Test
    void sharesOneVmAcrossClassesTemplatesAndParametersAndSlicesByMountType() {
        Instant started = Instant.now();
        EngineExecutionResults results = TestKit.run(Map.of(
                        "lima.mountTypes", "9p",
                        "lima.maxParallelBoots", "1",
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4"),
                ClassA.class, ClassB.class, ClassC.class, EveryTypeTemplate.class, Parameterized.class,
                Limitations.class);
        Duration took = Duration.between(started, Instant.now());

        List<String> booted = TestKit.reportEntries(results, LimaKeys.BOOTED);
        System.out.printf("SharedInstanceIT: %d VM boot(s) in %s: %s%n", booted.size(), took, booted);

        // The round trips, the template's 9p invocation and the parameterized 9p invocation all passed.
        results.testEvents().assertThatEvents()
                .haveExactly(3, event(test("roundTrip"), finishedSuccessfully()))
                .haveExactly(1, event(test("runsOnItsType"), finishedSuccessfully()))
                .haveExactly(1, event(test("perType"), finishedSuccessfully()))
                .haveExactly(1, event(test("usesTheEnclosingVm"), finishedSuccessfully()));
        assertThat(TestKit.names(results.testEvents().started().list())).contains("[1] 9p");

        // Exactly one boot: every class, the template invocation and the parameterized invocation share it.
        assertThat(booted).hasSize(1);
        assertThat(SEEN).hasSize(1);
        assertThat(TestKit.reportEntries(results, LimaKeys.REUSED)).hasSizeGreaterThanOrEqualTo(5);

        // lima.mountTypes=9p: only the [9p] invocation, and a reason for each type left out.
        assertThat(TestKit.names(results.containerEvents().started().list()))
                .contains("[9p]").doesNotContain("[reverse-sshfs]", "[virtiofs]", "[wsl2]");
        assertThat(TestKit.reportEntries(results, LimaKeys.MOUNT_TYPE_SKIPPED))
                .contains("reverse-sshfs: mount type reverse-sshfs is not in lima.mountTypes=9p",
                        "virtiofs: mount type virtiofs is not in lima.mountTypes=9p")
                .hasSize(2 * 3);

        // Known limitations: held -> aborted with the reason; no longer holds -> failed; other type -> real failure.
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("failsAsDeclared"),
                        abortedWithReason(message("known limitation on 9p: pinned to fail on 9p for this test"))))
                .haveExactly(1, event(test("passesDespiteTheDeclaration"),
                        finishedWithFailure(message(m -> m.startsWith(
                        "known limitation no longer holds on 9p: declared but no longer true")))))
                .haveExactly(1, event(test("failsOnAnotherTypeThanDeclared"),
                        finishedWithFailure(message(m -> m.contains("fails for real on 9p")))))
                .haveExactly(1, event(test("guestCommandFails"), finishedWithFailure(
                        instanceOf(GuestCommandException.class), message(m -> m.contains("/no/such/directory")))));
        assertThat(TestKit.reportEntries(results, LimaKeys.KNOWN_LIMITATION)).hasSize(1);
        assertThat(TestKit.reportEntries(results, LimaKeys.KNOWN_LIMITATION_UNDECLARED)).singleElement()
                .asString().contains("GuestCommandException");

        // Real failures and the held limitation (its evidence) got the VM's diagnostics attached.
        List<String> files = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(e -> e.getTestDescriptor().getDisplayName() + "/"
                        + e.getRequiredPayload(FileEntry.class).getPath().getFileName())
                .toList();
        assertThat(files).contains("failsOnAnotherTypeThanDeclared(GuestShell)/serial.log",
                "failsOnAnotherTypeThanDeclared(GuestShell)/guest-dmesg.txt",
                "failsOnAnotherTypeThanDeclared(GuestShell)/guest-proc-mounts.txt");
        assertThat(files).contains("guestCommandFails(GuestShell)/guest-proc-mounts.txt",
                "failsAsDeclared(GuestShell)/guest-dmesg.txt", "failsAsDeclared(GuestShell)/guest-proc-mounts.txt");
        Path procMounts = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath())
                .filter(p -> p.getFileName().toString().equals("guest-proc-mounts.txt"))
                .findFirst().orElseThrow();
        assertThat(procMounts).content().contains(" 9p ");
    }
}
