package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A bad annotation fails its class with the attribute named, and nothing boots. Needs no VM. */
class InvalidAnnotationTest {

    @LimaInstance(mountType = {MountType.NINEP, MountType.REVERSE_SSHFS})
    static class TwoMountTypes {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(writable = true, ninep = @NineP(msize = "2KiB")))
    static class MsizeBelowMinimum {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @ForEachMountType({MountType.NINEP, MountType.REVERSE_SSHFS})
    @LimaInstance(mounts = @Mount(mountPoint = "relative/path"))
    static class TemplateWithRelativeMountPoint {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    static class MethodLevelWithoutSource {
        @Test
        @LimaInstance(mountType = MountType.NINEP)
        void neverRuns() {
        }
    }

    @Test
    void limaInstanceOnAPlainTestMethodFailsWithWhatToDo() {
        EngineExecutionResults results = TestKit.run(Map.of(), MethodLevelWithoutSource.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(
                org.junit.platform.testkit.engine.EventConditions.test("neverRuns"),
                finishedWithFailure(message(m -> m.contains("@LimaInstance on method neverRuns works only together"
                        + " with @MountTypeSource")))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void anUnknownEnumSpellingFailsTheClassNamingTheAttribute() {
        EngineExecutionResults results = TestKit.run(Map.of(), TwoMountTypes.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(TwoMountTypes.class),
                finishedWithFailure(instanceOf(LimaConfigurationException.class),
                        message(m -> m.contains("@LimaInstance(mountType = {9p, reverse-sshfs}): names 2 values")))));
        assertThat(results.testEvents().started().count()).isZero();
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aBrokenLimaRuleFailsTheClassNamingTheAttributeBeforeAnythingBoots() {
        EngineExecutionResults results = TestKit.run(Map.of(), MsizeBelowMinimum.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(MsizeBelowMinimum.class),
                finishedWithFailure(instanceOf(LimaConfigurationException.class),
                        message(m -> m.contains("@LimaInstance(mounts[0].ninep.msize)") && m.contains("2KiB")
                                && m.contains("nothing was booted")))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aBrokenRuleFailsAWholeClassTemplateBeforeAnyInvocation() {
        EngineExecutionResults results = TestKit.run(Map.of(), TemplateWithRelativeMountPoint.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(
                container(TemplateWithRelativeMountPoint.class),
                finishedWithFailure(message(m -> m.contains("@LimaInstance(mounts[0].mountPoint)")
                        && m.contains("must be an absolute guest path")))));
        assertThat(results.containerEvents().started().count()).as("engine and class template only").isEqualTo(2);
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }
}
