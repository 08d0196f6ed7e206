package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.standard.StandardEngines;
import dev.limajunit.core.process.ProcessRegistry;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * How a {@link LimaVm} field is declared, without a VM: a non-static field, two fields, or a field next to
 * {@code @LimaInstance}, or a builder that breaks a rule fail clearly before anything boots; a host that cannot run
 * the VM (mount type left out by {@code lima.mountTypes}, vmType, engine) skips the class with the reason, as for
 * the annotation.
 */
class LimaVmFieldTest {

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final ProcessRegistry.Listener COUNTER = process -> STARTED.incrementAndGet();

    static class NonStatic {
        @RegisterExtension
        final LimaVm vm = LimaVm.builder().engine(EngineChoice.QEMU).mountType(MountType.NINEP).build();

        @Test
        void neverRuns(GuestShell shell) {
        }

        @Test
        void neverRunsEither() {
        }
    }

    @LimaInstance(mountType = MountType.NINEP)
    static class AnnotationAndField {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().mountType(MountType.NINEP).build();

        @Test
        void neverRuns(GuestShell shell) {
        }
    }

    static class TwoFields {
        @RegisterExtension
        static final LimaVm first = LimaVm.builder().mountType(MountType.NINEP).build();
        @RegisterExtension
        static final LimaVm second = LimaVm.builder().mountType(MountType.VIRTIOFS).build();

        @Test
        void neverRuns(GuestShell shell) {
        }
    }

    static class NinePOnly {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().engine(EngineChoice.QEMU).mountType(MountType.NINEP).build();

        @Test
        void neverRuns(GuestShell shell) {
        }
    }

    static class WindowsOnly {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().vmType(VmType.WSL2).build();

        @Test
        void neverRuns(GuestShell shell) {
        }
    }

    static class LimactlOnly {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().engine(EngineChoice.LIMACTL).mountType(MountType.NINEP).build();

        @Test
        void neverRuns(GuestShell shell) {
        }
    }

    static class BadBuilder {
        @RegisterExtension
        static final LimaVm vm = LimaVm.builder().mountType(MountType.NINEP).mount("mnt/src", true).build();

        @Test
        void neverRuns(GuestShell shell) {
        }
    }

    @BeforeAll
    static void countStarts() {
        ProcessRegistry.global().addListener(COUNTER);
    }

    @AfterAll
    static void nothingStarted() {
        assertThat(STARTED.get()).as("processes started by every fixture").isZero();
    }

    @Test
    void aNonStaticFieldFailsEachTestSayingItMustBeStatic() {
        EngineExecutionResults results = TestKit.run(Map.of(), NonStatic.class);

        results.testEvents().assertThatEvents().haveExactly(2, event(test(),
                finishedWithFailure(instanceOf(LimaConfigurationException.class), message(m -> m.equals(
                        "LimaVm field " + NonStatic.class.getName() + ".vm must be static: a VM boots once per class,"
                                + " before its first test, and JUnit registers an instance field only after that"
                                + " (declare it @RegisterExtension static final LimaVm vm = ...)")))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aBuilderThatBreaksARuleFailsTheClassWithItsMessage() {
        EngineExecutionResults results = TestKit.run(Map.of(), BadBuilder.class);

        // build() runs in the class's static initialiser: JUnit reports its error as the cause of the class's failure.
        results.containerEvents().assertThatEvents().haveExactly(1, event(container(BadBuilder.class),
                finishedWithFailure(cause(instanceOf(LimaConfigurationException.class), message(m -> m.startsWith(
                        "invalid LimaVm (1 error), nothing was booted:\n  - LimaVm(mounts[0].mountPoint):"))))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void aFieldNextToLimaInstanceFailsTheClass() {
        EngineExecutionResults results = TestKit.run(Map.of(), AnnotationAndField.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(AnnotationAndField.class),
                finishedWithFailure(instanceOf(LimaConfigurationException.class), message(
                        AnnotationAndField.class.getName() + " declares its VM twice, with @LimaInstance and with the"
                                + " LimaVm field vm: keep one"))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void twoFieldsFailTheClass() {
        EngineExecutionResults results = TestKit.run(Map.of(), TwoFields.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(TwoFields.class),
                finishedWithFailure(instanceOf(LimaConfigurationException.class), message(m -> m.startsWith(
                        TwoFields.class.getName()
                                + " declares 2 LimaVm fields (first, second): a class has one VM")))));
        assertThat(results.testEvents().started().count()).isZero();
    }

    @Test
    void aMountTypeThatLimaMountTypesLeavesOutSkipsTheClassWithTheReason() {
        EngineExecutionResults results = TestKit.run(Map.of("lima.mountTypes", "virtiofs"), NinePOnly.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(NinePOnly.class),
                skippedWithReason("LimaVm in " + NinePOnly.class.getName() + ".vm: mount type 9p is not in"
                        + " lima.mountTypes=virtiofs")));
    }

    @Test
    void anEngineThatCannotRunHereSkipsTheClassWithTheReason() {
        Assumptions.assumeFalse(StandardEngines.selector().select(EngineChoice.LIMACTL, "").available(),
                "limactl can run on this host, so nothing is skipped");

        EngineExecutionResults results = TestKit.run(Map.of(), LimactlOnly.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(LimactlOnly.class),
                skippedWithReason(r -> r.startsWith("LimaVm in " + LimactlOnly.class.getName() + ".vm: engine limactl"
                        + " cannot run here"))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aVmTypeThisHostCannotRunSkipsTheClassWithTheReason() {
        EngineExecutionResults results = TestKit.run(Map.of(), WindowsOnly.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(WindowsOnly.class),
                skippedWithReason(r -> r.startsWith("LimaVm in " + WindowsOnly.class.getName() + ".vm: vmType wsl2"))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }
}
