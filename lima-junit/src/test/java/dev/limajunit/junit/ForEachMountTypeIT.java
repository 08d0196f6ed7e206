package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.test;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.internal.LimaKeys;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @ForEachMountType} runs the whole class once per mount type the host can run, named {@code [type]}, each
 * against a VM of that type; a type the host cannot run (wsl2 on Linux) gets no invocation and a reported reason.
 * With {@code shared = false} each invocation's VM is stopped when the invocation ends; a class without
 * {@code @LimaInstance} runs on the default spec. Boots three VMs, one at a time.
 */
class ForEachMountTypeIT {

    @ForEachMountType({MountType.REVERSE_SSHFS, MountType.NINEP, MountType.WSL2})
    @LimaInstance(engine = EngineChoice.QEMU, mounts = {
            @Mount(writable = true, mountPoint = "/mnt/rw"),
            @Mount(mountPoint = "/mnt/ro")}, shared = false)
    static class PerType {
        @Test
        void theVmHasTheInvocationsMountType(MountType type, Instance vm) {
            assertThat(vm.spec().mountType()).isEqualTo(type);
            String fsType = type == MountType.REVERSE_SSHFS ? "fuse.sshfs" : "9p";
            assertThat(vm.shell().execChecked("cat", "/proc/mounts").stdoutText())
                    .contains(" /mnt/rw " + fsType + " ", " /mnt/ro " + fsType + " ");
        }

        @Test
        void mountsAreChosenByPointOrIndex(@MountPoint("/mnt/rw") MountedDirectory rw,
                @MountIndex(1) MountedDirectory ro,
                Instance vm) throws Exception {
            assertThat(rw.writable()).isTrue();
            assertThat(ro.writable()).isFalse();
            assertThat(ro.guestPath().toString()).isEqualTo("/mnt/ro");
            vm.shell().execChecked("sh", "-c", "echo -n guest > /mnt/rw/from-guest.txt");
            assertThat(Files.readString(rw.host("from-guest.txt"))).isEqualTo("guest");
            assertThat(vm.shell().exec("touch", "/mnt/ro/nope").exitCode()).as("read-only mount refuses writes")
                    .isNotZero();
        }
    }

    /** No @LimaInstance: the default spec (one fresh read-only mount), with the invocation's mount type. */
    @ForEachMountType(MountType.NINEP)
    static class WithoutLimaInstance {
        @Test
        void runsOnTheDefaultSpec(MountType type, MountedDirectory dir) throws Exception {
            assertThat(type).isEqualTo(MountType.NINEP);
            assertThat(dir.writable()).isFalse();
            Files.writeString(dir.host("seen.txt"), "from the host");
            assertThat(dir.shell().execChecked("cat", dir.guest("seen.txt").toString()).stdoutText())
                    .isEqualTo("from the host");
        }
    }

    @Test
    void runsTheClassOncePerRunnableMountType() {
        Instant started = Instant.now();
        EngineExecutionResults results = TestKit.run(Map.of("lima.mountTypes", "all", "lima.reuse", "true"),
                PerType.class,
                WithoutLimaInstance.class);
        Duration took = Duration.between(started, Instant.now());
        List<String> booted = TestKit.reportEntries(results, LimaKeys.BOOTED);
        System.out.printf("ForEachMountTypeIT: %d VM boot(s) in %s: %s%n", booted.size(), took, booted);

        assertThat(TestKit.names(results.containerEvents().started().list()))
                .containsSubsequence("[reverse-sshfs]", "[9p]")
                .doesNotContain("[wsl2]");
        results.testEvents().assertThatEvents()
                .haveExactly(2, event(test("theVmHasTheInvocationsMountType"), finishedSuccessfully()))
                .haveExactly(2, event(test("mountsAreChosenByPointOrIndex"), finishedSuccessfully()))
                .haveExactly(1, event(test("runsOnTheDefaultSpec"), finishedSuccessfully()));
        assertThat(results.testEvents().failed().count()).isZero();
        // lima.reuse=true cannot work with the qemu engine: said once for the run, not once per VM booted.
        assertThat(booted).hasSizeGreaterThanOrEqualTo(2);
        assertThat(TestKit.reportEntries(results, LimaKeys.REUSE_IGNORED)).singleElement().asString()
                .startsWith("lima.reuse=true has no effect with the qemu engine: its VMs end with the JVM by design");
        assertThat(TestKit.reportEntries(results, LimaKeys.MOUNT_TYPE_SKIPPED))
                .singleElement().asString().startsWith("wsl2: ").contains("vmType wsl2");
        assertThat(booted).as("PerType's two and WithoutLimaInstance's one").hasSize(3);
    }
}
