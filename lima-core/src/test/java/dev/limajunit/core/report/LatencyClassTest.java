package dev.limajunit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyClassTest {

    @Test
    void boundariesBelongToTheSlowerClass() {
        assertThat(classOf(0)).isEqualTo(LatencyClass.UNDER_250_MS);
        assertThat(classOf(249)).isEqualTo(LatencyClass.UNDER_250_MS);
        assertThat(classOf(250)).isEqualTo(LatencyClass.UNDER_1_S);
        assertThat(classOf(999)).isEqualTo(LatencyClass.UNDER_1_S);
        assertThat(classOf(1_000)).isEqualTo(LatencyClass.UNDER_10_S);
        assertThat(classOf(9_999)).isEqualTo(LatencyClass.UNDER_10_S);
        assertThat(classOf(10_000)).isEqualTo(LatencyClass.AT_LEAST_10_S);
        assertThat(classOf(20_255)).isEqualTo(LatencyClass.AT_LEAST_10_S);
    }

    @Test
    void theMedianDecidesSoOneSlowOutlierDoesNotMoveTheCell() {
        assertThat(LatencyClass.of(new Latencies(List.of(90L, 1_020L, 110L)))).isEqualTo(LatencyClass.UNDER_250_MS);
        assertThat(LatencyClass.of(new Latencies(List.of(1_100L, 90L, 1_020L)))).isEqualTo(LatencyClass.UNDER_10_S);
    }

    @Test
    void noLatencyIsNotMeasured() {
        assertThat(LatencyClass.of(new Latencies(List.of()))).isEqualTo(LatencyClass.NOT_MEASURED);
        assertThat(LatencyClass.NOT_MEASURED.label()).isEqualTo("not measured");
    }

    private static LatencyClass classOf(long millis) {
        return LatencyClass.of(new Latencies(List.of(millis)));
    }
}
