package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.process.MarkedProcess;
import dev.limajunit.core.process.MarkedProcesses;
import dev.limajunit.core.process.RunSession;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.internal.LimaKeys;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Load: forty test classes over three mount types (9p, virtiofs, reverse-sshfs), run with JUnit's parallel execution
 * on, each class doing a host/guest round trip and a guest command. Exactly three VMs boot (one per spec), every
 * test passes, no process of those VMs outlives the run, and the test JVM's peak heap is recorded.
 * Boots three VMs.
 */
class LoadIT {

    static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP, mounts = @Mount(writable = true))
    @interface NinePVm {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.VIRTIOFS, mounts = @Mount(writable = true))
    @interface VirtiofsVm {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.REVERSE_SSHFS, mounts = @Mount(writable = true))
    @interface SshfsVm {
    }

    @NinePVm
    static class Load00 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load00", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load00").stdoutText()).isEqualTo("Load00\n");
        }
    }
    @VirtiofsVm
    static class Load01 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load01", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load01").stdoutText()).isEqualTo("Load01\n");
        }
    }
    @SshfsVm
    static class Load02 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load02", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load02").stdoutText()).isEqualTo("Load02\n");
        }
    }
    @NinePVm
    static class Load03 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load03", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load03").stdoutText()).isEqualTo("Load03\n");
        }
    }
    @VirtiofsVm
    static class Load04 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load04", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load04").stdoutText()).isEqualTo("Load04\n");
        }
    }
    @SshfsVm
    static class Load05 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load05", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load05").stdoutText()).isEqualTo("Load05\n");
        }
    }
    @NinePVm
    static class Load06 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load06", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load06").stdoutText()).isEqualTo("Load06\n");
        }
    }
    @VirtiofsVm
    static class Load07 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load07", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load07").stdoutText()).isEqualTo("Load07\n");
        }
    }
    @SshfsVm
    static class Load08 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load08", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load08").stdoutText()).isEqualTo("Load08\n");
        }
    }
    @NinePVm
    static class Load09 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load09", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load09").stdoutText()).isEqualTo("Load09\n");
        }
    }
    @VirtiofsVm
    static class Load10 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load10", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load10").stdoutText()).isEqualTo("Load10\n");
        }
    }
    @SshfsVm
    static class Load11 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load11", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load11").stdoutText()).isEqualTo("Load11\n");
        }
    }
    @NinePVm
    static class Load12 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load12", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load12").stdoutText()).isEqualTo("Load12\n");
        }
    }
    @VirtiofsVm
    static class Load13 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load13", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load13").stdoutText()).isEqualTo("Load13\n");
        }
    }
    @SshfsVm
    static class Load14 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load14", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load14").stdoutText()).isEqualTo("Load14\n");
        }
    }
    @NinePVm
    static class Load15 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load15", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load15").stdoutText()).isEqualTo("Load15\n");
        }
    }
    @VirtiofsVm
    static class Load16 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load16", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load16").stdoutText()).isEqualTo("Load16\n");
        }
    }
    @SshfsVm
    static class Load17 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load17", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load17").stdoutText()).isEqualTo("Load17\n");
        }
    }
    @NinePVm
    static class Load18 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load18", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load18").stdoutText()).isEqualTo("Load18\n");
        }
    }
    @VirtiofsVm
    static class Load19 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load19", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load19").stdoutText()).isEqualTo("Load19\n");
        }
    }
    @SshfsVm
    static class Load20 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load20", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load20").stdoutText()).isEqualTo("Load20\n");
        }
    }
    @NinePVm
    static class Load21 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load21", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load21").stdoutText()).isEqualTo("Load21\n");
        }
    }
    @VirtiofsVm
    static class Load22 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load22", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load22").stdoutText()).isEqualTo("Load22\n");
        }
    }
    @SshfsVm
    static class Load23 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load23", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load23").stdoutText()).isEqualTo("Load23\n");
        }
    }
    @NinePVm
    static class Load24 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load24", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load24").stdoutText()).isEqualTo("Load24\n");
        }
    }
    @VirtiofsVm
    static class Load25 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load25", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load25").stdoutText()).isEqualTo("Load25\n");
        }
    }
    @SshfsVm
    static class Load26 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load26", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load26").stdoutText()).isEqualTo("Load26\n");
        }
    }
    @NinePVm
    static class Load27 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load27", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load27").stdoutText()).isEqualTo("Load27\n");
        }
    }
    @VirtiofsVm
    static class Load28 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load28", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load28").stdoutText()).isEqualTo("Load28\n");
        }
    }
    @SshfsVm
    static class Load29 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load29", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load29").stdoutText()).isEqualTo("Load29\n");
        }
    }
    @NinePVm
    static class Load30 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load30", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load30").stdoutText()).isEqualTo("Load30\n");
        }
    }
    @VirtiofsVm
    static class Load31 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load31", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load31").stdoutText()).isEqualTo("Load31\n");
        }
    }
    @SshfsVm
    static class Load32 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load32", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load32").stdoutText()).isEqualTo("Load32\n");
        }
    }
    @NinePVm
    static class Load33 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load33", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load33").stdoutText()).isEqualTo("Load33\n");
        }
    }
    @VirtiofsVm
    static class Load34 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load34", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load34").stdoutText()).isEqualTo("Load34\n");
        }
    }
    @SshfsVm
    static class Load35 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load35", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load35").stdoutText()).isEqualTo("Load35\n");
        }
    }
    @NinePVm
    static class Load36 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load36", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load36").stdoutText()).isEqualTo("Load36\n");
        }
    }
    @VirtiofsVm
    static class Load37 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load37", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load37").stdoutText()).isEqualTo("Load37\n");
        }
    }
    @SshfsVm
    static class Load38 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load38", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load38").stdoutText()).isEqualTo("Load38\n");
        }
    }
    @NinePVm
    static class Load39 {
        @Test
        void roundTrip(Instance vm, GuestShell shell, MountedDirectory dir) throws Exception {
            SEEN.add(vm.name());
            SharedInstanceIT.roundTrip("load39", shell, dir);
        }

        @Test
        void guestCommand(GuestShell shell) {
            assertThat(shell.execChecked("echo", "Load39").stdoutText()).isEqualTo("Load39\n");
        }
    }

    @Test
    void fortyClassesInParallelShareThreeVmsAndLeaveNothing() {
        assumeThat(QemuEngine.create().unavailableReason()).as("qemu engine availability").isEmpty();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        Instant started = Instant.now();

        EngineExecutionResults results = TestKit.run(Map.of(
                        "junit.jupiter.execution.parallel.enabled", "true",
                        "junit.jupiter.execution.parallel.mode.default", "concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
                        "junit.jupiter.execution.parallel.config.strategy", "fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "8"),
                Load00.class, Load01.class, Load02.class, Load03.class, Load04.class, Load05.class, Load06.class,
                        Load07.class, Load08.class, Load09.class, Load10.class, Load11.class, Load12.class,
                        Load13.class, Load14.class, Load15.class, Load16.class, Load17.class, Load18.class,
                        Load19.class, Load20.class, Load21.class, Load22.class, Load23.class, Load24.class,
                        Load25.class, Load26.class, Load27.class, Load28.class, Load29.class, Load30.class,
                        Load31.class, Load32.class, Load33.class, Load34.class, Load35.class, Load36.class,
                        Load37.class, Load38.class, Load39.class);

        Duration took = Duration.between(started, Instant.now());
        long peakHeap = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        List<String> booted = TestKit.reportEntries(results, LimaKeys.BOOTED);
        System.out.printf("LoadIT: 40 classes, %d tests, %d VM boot(s) in %s; peak heap (sum of pool peaks) %d MiB; "
                        + "max heap %d MiB%n%s%n", results.testEvents().started().count(), booted.size(), took,
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20, String.join("\n", booted));

        assertThat(results.testEvents().failed().list()).as("failed tests").isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(80);
        assertThat(booted).hasSize(3);
        assertThat(SEEN).hasSize(3);
        // The run's end closed the root store, and closing an instance waits for its processes to exit.
        assertThat(MarkedProcesses.ofSession(RunSession.id())).as("processes of the three VMs after the run")
                .map(MarkedProcess::command).noneMatch(c -> SEEN.stream().anyMatch(name -> c.contains(name)));
    }
}
