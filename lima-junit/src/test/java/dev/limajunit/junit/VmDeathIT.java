package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.process.MarkedProcess;
import dev.limajunit.core.process.MarkedProcesses;
import dev.limajunit.core.process.RunSession;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * QEMU dies under a test: that test fails saying the VM exited, and the next class with the same spec gets a fresh
 * VM instead of the dead one. Boots two VMs.
 */
class VmDeathIT {

    static final List<Instance> SEEN = new CopyOnWriteArrayList<>();

    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP)
    static class KillsItsVm {
        @Test
        void qemuDiesUnderIt(Instance vm, GuestShell shell) {
            SEEN.add(vm);
            MarkedProcess qemu = MarkedProcesses.ofSession(RunSession.id()).stream()
                    .filter(p -> p.command().contains("-name lima-junit-" + vm.name() + " ")).findFirst().orElseThrow();
            ProcessHandle.of(qemu.pid()).orElseThrow().destroyForcibly();
            shell.exec("sleep", "60");
        }
    }

    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP)
    static class RunsAfterwards {
        @Test
        void getsARunningVm(Instance vm, GuestShell shell) {
            SEEN.add(vm);
            assertThat(vm.isRunning()).isTrue();
            shell.execChecked("true");
        }
    }

    @Test
    void theDyingTestFailsSayingSoAndTheNextClassGetsAFreshVm() {
        EngineExecutionResults results = TestKit.run(Map.of(), KillsItsVm.class, RunsAfterwards.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("qemuDiesUnderIt"),
                        finishedWithFailure(message(m -> m.contains("VM exited (signal 9, SIGKILL)")))))
                .haveExactly(1, event(test("getsARunningVm"), finishedSuccessfully()));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).hasSize(2);
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    }
}
