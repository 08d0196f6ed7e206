package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.standard.StandardEngines;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A class whose engine cannot run here is skipped with the engine's reason; needs no VM. */
class EngineChoiceSkipTest {

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(writable = true))
    static class AnyEngine {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @Test
    void limaEngineLimactlWithoutLimaSkipsTheClassWithTheReason() {
        var selection = StandardEngines.selector().select(EngineChoice.LIMACTL, "");
        Assumptions.assumeFalse(selection.available(), "limactl can run on this host, so nothing is skipped");

        EngineExecutionResults results = TestKit.run(Map.of("lima.engine", "limactl"), AnyEngine.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(AnyEngine.class),
                skippedWithReason(r -> r.contains("engine limactl cannot run here") && r.contains("limactl"))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aBadConfigurationValueFailsNamingTheProperty() {
        EngineExecutionResults results = TestKit.run(Map.of("lima.mountTypes", "9p,nfs"), AnyEngine.class);

        results.containerEvents().assertThatEvents().haveAtLeastOne(event(container(AnyEngine.class),
                org.junit.platform.testkit.engine.EventConditions.finishedWithFailure(
                        org.junit.platform.testkit.engine.TestExecutionResultConditions.message(
                                m -> m.contains("lima.mountTypes") && m.contains("\"nfs\"")))));
    }
}
