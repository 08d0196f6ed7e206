package dev.limajunit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.config.ResolvedInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineSelectorTest {

    /** An engine whose availability is fixed; selection never starts one. */
    private record FixedEngine(String name, String reason) implements Engine {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.ofNullable(reason);
        }

        @Override
        public Instance start(ResolvedInstance spec, StartOptions options) {
            throw new UnsupportedOperationException("selection only");
        }
    }

    private static EngineSelector selector(String limactlReason, String qemuReason, List<String> created) {
        return new EngineSelector(List.of(
                new EngineSelector.Candidate(EngineChoice.LIMACTL, template -> {
                    created.add("limactl:" + template);
                    return new FixedEngine("limactl", limactlReason);
                }, suffix -> "lima-" + suffix),
                new EngineSelector.Candidate(EngineChoice.QEMU, template -> {
                    created.add("qemu:" + template);
                    return new FixedEngine("qemu", qemuReason);
                }, suffix -> "q-" + suffix)));
    }

    @Test
    void autoPrefersLimactl() {
        EngineSelection selection = selector(null, null, new ArrayList<>()).select(EngineChoice.AUTO, "");

        assertThat(selection.available()).isTrue();
        assertThat(selection.requireEngine().name()).isEqualTo("limactl");
        assertThat(selection.instanceName("x")).isEqualTo("lima-x");
    }

    @Test
    void autoFallsBackToQemuAndSaysWhy() {
        EngineSelection selection = selector("no limactl on PATH", null, new ArrayList<>()).select(EngineChoice.AUTO,
                "");

        assertThat(selection.requireEngine().name()).isEqualTo("qemu");
        assertThat(selection.reason()).isEqualTo("engine auto chose qemu (limactl: no limactl on PATH)");
        assertThat(selection.instanceName("x")).isEqualTo("q-x");
    }

    @Test
    void autoWithNoUsableEngineGivesEveryReason() {
        EngineSelection selection = selector("no limactl on PATH", "no qemu-system-x86_64", new ArrayList<>())
                .select(EngineChoice.AUTO, "");

        assertThat(selection.available()).isFalse();
        assertThat(selection.reason())
                .isEqualTo("no engine can run here: limactl: no limactl on PATH; qemu: no qemu-system-x86_64");
    }

    @Test
    void anExplicitChoiceNeverFallsBack() {
        EngineSelection selection = selector("limactl refuses to run as root", null, new ArrayList<>())
                .select(EngineChoice.LIMACTL, "");

        assertThat(selection.available()).isFalse();
        assertThat(selection.reason()).isEqualTo("engine limactl cannot run here: limactl refuses to run as root");
    }

    @Test
    void enginesAreCreatedOncePerTemplate() {
        List<String> created = new ArrayList<>();
        EngineSelector selector = selector(null, null, created);

        selector.select(EngineChoice.LIMACTL, "");
        selector.select(EngineChoice.LIMACTL, "");
        selector.select(EngineChoice.LIMACTL, "debian-12");
        selector.select(EngineChoice.AUTO, "debian-12");

        assertThat(created).containsExactly("limactl:", "limactl:debian-12");
    }

    @Test
    void aFactoryThatFailsMakesTheEngineUnavailableWithTheReason() {
        EngineSelector selector = new EngineSelector(List.of(new EngineSelector.Candidate(EngineChoice.LIMACTL,
                template -> {
                    throw new IllegalArgumentException("template name \"../x\" is not a Lima template name");
                }, suffix -> suffix)));

        EngineSelection selection = selector.select(EngineChoice.AUTO, "../x");

        assertThat(selection.reason()).isEqualTo("no engine can run here: limactl: cannot set up the limactl engine"
                + " with template \"../x\": template name \"../x\" is not a Lima template name;"
                + " qemu: this build has no qemu engine");
    }

    @Test
    void choicesParseFromConfiguration() {
        assertThat(EngineChoice.parse(" QEMU ")).isEqualTo(EngineChoice.QEMU);
        assertThat(EngineChoice.AUTO.configName()).isEqualTo("auto");
    }
}
