package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.process.MarkedProcess;
import dev.limajunit.core.process.MarkedProcesses;
import dev.limajunit.core.process.RunSession;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestShellException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults during a VM's life: each ends in a clear error within seconds, and nothing of the VM is left. */
class VmFaultIT {

    @TempDir
    Path dir;

    private QemuEngine engine;

    @BeforeEach
    void qemuIsThere() {
        engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
    }

    @Test
    void qemuDyingUnderARunningCommandFailsItWithinFiveSecondsSayingTheVmExited() throws Exception {
        Instance instance = engine.start(QemuTestVm.spec(MountType.NINEP, false, QemuTestVm.mount(0, dir, "/mnt/rw",
                true)),
                QemuTestVm.options("qemu-dies"));
        try {
            CompletableFuture<ExecResult> sleep = CompletableFuture.supplyAsync(
                    () -> instance.shell().exec(Command.of("sleep", "60").timeout(Duration.ofSeconds(90))));
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    instance.shell().execShell("grep -qx sleep /proc/[0-9]*/comm").succeeded());
            MarkedProcess qemu = qemuOf("qemu-dies");

            long killed = System.nanoTime();
            ProcessHandle.of(qemu.pid()).orElseThrow().destroyForcibly();

            assertThatThrownBy(() -> sleep.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(GuestShellException.class)
                    .hasMessageContaining("instance qemu-dies: VM exited (signal 9, SIGKILL)")
                    .hasMessageContaining("lines of the serial log");
            long failedAfter = (System.nanoTime() - killed) / 1_000_000;
            System.out.println("qemu killed: the running command failed " + failedAfter + " ms later with:\n"
                    + sleep.handle((r, e) -> e.getCause().getMessage()).join());

            assertThat(instance.isRunning()).isFalse();
            assertThatThrownBy(() -> instance.shell().exec("true")).as("a command after the VM died")
                    .isInstanceOf(GuestShellException.class).hasMessageContaining("VM exited");
        } finally {
            closeQuietly(instance);
        }
        assertThat(processesOf("qemu-dies")).isEmpty();
    }

    @Test
    void aGuestKernelPanicFailsTheCommandWithThePanicInTheSerialTail() {
        Instance instance = engine.start(QemuTestVm.spec(MountType.NINEP, false), QemuTestVm.options("panics"));
        try {
            long crashed = System.nanoTime();
            assertThatThrownBy(() -> instance.shell().exec(Command.shell("echo c > /proc/sysrq-trigger")
                    .timeout(Duration.ofSeconds(60))))
                    .isInstanceOf(GuestShellException.class)
                    .hasMessageContaining("instance panics: VM exited (code 0)")
                    .hasMessageContaining("after a guest kernel panic: Kernel panic - not syncing");
            System.out.println("guest panic: the command failed " + (System.nanoTime() - crashed) / 1_000_000
                    + " ms after the sysrq crash");
            assertThat(instance.isRunning()).isFalse();
        } finally {
            closeQuietly(instance);
        }
        assertThat(processesOf("panics")).isEmpty();
    }

    @Test
    void aMountTheGuestCannotMakeFailsTheStartNamingTheMount() {
        assertThatThrownBy(() -> engine.start(QemuTestVm.spec(MountType.NINEP, false,
                        QemuTestVm.mount(0, dir, "/proc/lima-junit-cannot-be-here", true)),
                QemuTestVm.options("bad-mount")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("mounts[0] (" + dir + ") (9p at /proc/lima-junit-cannot-be-here) could not be "
                        + "mounted in the guest");
        assertThat(processesOf("bad-mount")).isEmpty();
    }

    private static MarkedProcess qemuOf(String instance) {
        return processesOf(instance).stream().filter(p -> p.command().contains("qemu-system")).findFirst()
                .orElseThrow();
    }

    private static List<MarkedProcess> processesOf(String instance) {
        return MarkedProcesses.ofSession(RunSession.id()).stream()
                .filter(p -> p.command().contains("lima-junit-" + instance + " ")).toList();
    }

    private static void closeQuietly(Instance instance) {
        try {
            instance.close();
        } catch (RuntimeException e) {
            System.out.println("closing the dead instance: " + e);
        }
    }
}
