package dev.limajunit.core.engine.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Phases kept in boot order and told to the listener as they complete. */
class BootPhasesTest {

    @Test
    void keepsBootOrderAndTellsTheListener() {
        List<String> heard = new ArrayList<>();
        BootPhases phases = new BootPhases("vm1", (instance, phase, took) -> heard.add(instance + " " + phase + " "
                + took.toMillis()));

        phases.record("start", Duration.ofMillis(1500));
        phases.record("ssh", Duration.ofMillis(20));
        phases.done("mounts", System.nanoTime());

        assertThat(phases.millis()).containsKeys("start", "ssh", "mounts");
        assertThat(List.copyOf(phases.millis().keySet())).containsExactly("start", "ssh", "mounts");
        assertThat(phases.millis()).containsEntry("start", 1500L).containsEntry("ssh", 20L);
        assertThat(heard).hasSize(3).startsWith("vm1 start 1500", "vm1 ssh 20");
    }
}
