package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.standard.StandardEngines;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code lima.require}: what it names and cannot run here fails the build; what it does not name still skips with
 * the reason. wsl2 (a Windows mount type) cannot run on the Linux hosts these tests run on; nothing boots.
 */
class RequireTest {

    @LimaInstance(engine = EngineChoice.QEMU, vmType = VmType.WSL2, mountType = MountType.WSL2)
    static class Wsl2Class {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    static class Wsl2Invocation {
        @ParameterizedTest
        @MountTypeSource(MountType.WSL2)
        @LimaInstance(engine = EngineChoice.QEMU)
        void neverRuns(MountType type) {
        }
    }

    @ForEachMountType(MountType.WSL2)
    @LimaInstance(engine = EngineChoice.QEMU)
    static class Wsl2Template {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(engine = EngineChoice.LIMACTL, mountType = MountType.NINEP)
    static class LimactlClass {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @Test
    void aRequiredMountTypeThatCannotRunFailsEachKindOfClass() {
        assumeQemuCanRun();

        EngineExecutionResults results = TestKit.run(Map.of("lima.require", "qemu:9p,wsl2"),
                Wsl2Class.class, Wsl2Invocation.class, Wsl2Template.class);

        String required = "lima.require=qemu:9p,wsl2 requires mount type wsl2 with engine qemu, which cannot run"
                + " here: ";
        results.containerEvents().assertThatEvents()
                // JUnit wraps what a condition throws: "Failed to evaluate condition [LimaExtension]: ..."
                .haveExactly(1, event(container(Wsl2Class.class), finishedWithFailure(cause(
                        instanceOf(LimaRequirementException.class), message(m -> m.startsWith(required
                                + "@LimaInstance on " + Wsl2Class.class.getName() + ": vmType wsl2: "))))))
                .haveExactly(1, event(container("neverRuns(dev.limajunit.core.config.MountType)"),
                        finishedWithFailure(message(m -> m.startsWith(required)))))
                .haveExactly(1, event(container(Wsl2Template.class), finishedWithFailure(
                        message(m -> m.startsWith(required)))));
        assertThat(results.containerEvents().skipped().count()).isZero();
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aMountTypeNotRequiredStillSkipsWithTheReason() {
        assumeQemuCanRun();

        EngineExecutionResults results = TestKit.run(Map.of("lima.require", "qemu:9p"),
                Wsl2Class.class, Wsl2Invocation.class, Wsl2Template.class);

        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container(Wsl2Class.class), skippedWithReason(r -> r.contains("wsl2"))))
                .haveExactly(1, event(container(Wsl2Template.class),
                        finishedWithAbort("no mount type can run for")));
        assertThat(results.containerEvents().failed().count()).isZero();
    }

    @Test
    void aRequiredEngineThatCannotRunFailsTheClass() {
        var limactl = StandardEngines.selector().select(EngineChoice.LIMACTL, "");
        Assumptions.assumeFalse(limactl.available(), "limactl can run on this host, so nothing fails");

        EngineExecutionResults required = TestKit.run(Map.of("lima.require", "limactl"), LimactlClass.class);
        EngineExecutionResults notRequired = TestKit.run(Map.of("lima.require", "qemu"), LimactlClass.class);

        required.containerEvents().assertThatEvents().haveExactly(1, event(container(LimactlClass.class),
                finishedWithFailure(cause(message(m -> m.startsWith("lima.require=limactl requires engine limactl,"
                        + " which cannot run here: @LimaInstance on " + LimactlClass.class.getName()
                        + ": engine limactl cannot run here: "))))));
        notRequired.containerEvents().assertThatEvents().haveExactly(1, event(container(LimactlClass.class),
                skippedWithReason(r -> r.contains("engine limactl cannot run here"))));
    }

    private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> finishedWithAbort(
            String fragment) {
        return org.junit.platform.testkit.engine.EventConditions.abortedWithReason(message(m -> m.contains(fragment)));
    }

    private static void assumeQemuCanRun() {
        var qemu = StandardEngines.selector().select(EngineChoice.QEMU, "");
        Assumptions.assumeTrue(qemu.available(), () -> "the qemu engine cannot run here: " + qemu.reason());
    }
}
