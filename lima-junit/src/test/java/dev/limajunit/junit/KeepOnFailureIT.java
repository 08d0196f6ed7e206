package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * lima.keepOnFailure: a class with a failing test leaves its VM running after the run, and the report says how to
 * connect; without the setting the VM is closed at the end of the run. Real qemu VMs, one per run (two in all).
 */
class KeepOnFailureIT {

    static final List<Instance> SEEN = new CopyOnWriteArrayList<>();

    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP, shared = false)
    static class FailsATest {
        @Test
        void fails(Instance vm) {
            SEEN.add(vm);
            throw new AssertionError("deliberate failure");
        }
    }

    @AfterEach
    void closeWhatWasKept() {
        SEEN.forEach(Instance::close);
        SEEN.clear();
    }

    @Test
    void withKeepOnFailureTheVmOfAFailedTestStaysRunningAndTheReportSaysHowToConnect() {
        EngineExecutionResults results = TestKit.run(Map.of("lima.keepOnFailure", "true"), FailsATest.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(SEEN).singleElement().satisfies(vm -> assertThat(vm.isRunning()).as("kept VM runs").isTrue());
        assertThat(TestKit.reportEntries(results, LimaKeys.KEPT_ON_FAILURE)).singleElement()
                .satisfies(hint -> assertThat(hint).contains(SEEN.get(0).name() + " is left running", "ssh -i",
                        " -p "));
    }

    @Test
    void withoutKeepOnFailureTheVmIsClosedAfterTheRun() {
        EngineExecutionResults results = TestKit.run(Map.of(), FailsATest.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(SEEN).singleElement().satisfies(vm -> assertThat(vm.isRunning()).as("closed VM").isFalse());
        assertThat(TestKit.reportEntries(results, LimaKeys.KEPT_ON_FAILURE)).isEmpty();
    }
}
