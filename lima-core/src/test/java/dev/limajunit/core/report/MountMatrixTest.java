package dev.limajunit.core.report;

import static dev.limajunit.core.report.SampleMatrices.HOST_CHANGE;
import static dev.limajunit.core.report.SampleMatrices.otherJob;
import static dev.limajunit.core.report.SampleMatrices.outcome;
import static dev.limajunit.core.report.SampleMatrices.pass;
import static dev.limajunit.core.report.SampleMatrices.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import java.util.List;
import org.junit.jupiter.api.Test;

class MountMatrixTest {

    @Test
    void rowsAreSortedByIdAndColumnsFollowMountTypeOrder() {
        MountMatrix m = otherJob();
        assertThat(m.rows()).extracting(Behaviour::id).containsExactly("host-change-visible",
                "read-only-refuses-writes");
        assertThat(m.columns()).containsExactly(MountType.REVERSE_SSHFS, MountType.NINEP, MountType.VIRTIOFS);
        assertThat(m.cell("host-change-visible", MountType.NINEP)).isEmpty();
        assertThat(m.cell("host-change-visible", MountType.VIRTIOFS)).get()
                .extracting(Cell::outcome).isEqualTo(Outcome.PASS);
    }

    @Test
    void aCellShowsItsWorstOutcomeWithThatOutcomesReason() {
        Cell cell = new Cell(List.of(
                pass("A#a()", "r", 5),
                outcome(Outcome.KNOWN_LIMITATION, "documented", "B#b()", "r"),
                outcome(Outcome.SKIPPED, "no virtiofsd", "C#c()", "r")));
        assertThat(cell.outcome()).isEqualTo(Outcome.KNOWN_LIMITATION);
        assertThat(cell.reason()).contains("documented");
        assertThat(cell.mixed()).isTrue();
        assertThat(cell.tests()).containsExactly("A#a()", "B#b()", "C#c()");
        assertThat(cell.worstFirst()).extracting(Observation::outcome)
                .containsExactly(Outcome.KNOWN_LIMITATION, Outcome.PASS, Outcome.SKIPPED);
    }

    @Test
    void outcomesAreOrderedFromSkippedToFail() {
        assertThat(Outcome.PASS.worse(Outcome.SKIPPED)).isEqualTo(Outcome.PASS);
        assertThat(Outcome.KNOWN_LIMITATION.worse(Outcome.UNEXPECTED_PASS)).isEqualTo(Outcome.UNEXPECTED_PASS);
        assertThat(Outcome.FAIL.worse(Outcome.UNEXPECTED_PASS)).isEqualTo(Outcome.FAIL);
        assertThat(Outcome.fromJson("known-limitation")).isEqualTo(Outcome.KNOWN_LIMITATION);
        assertThatThrownBy(() -> Outcome.fromJson("passed"))
                .hasMessageContaining("\"passed\"").hasMessageContaining("\"unexpected-pass\"");
    }

    @Test
    void percentilesUseNearestRank() {
        Latencies l = new Latencies(List.of(41L, 20L, 23L, 100L, 30L, 22L, 25L, 27L, 29L, 21L));
        assertThat(l.p50()).hasValue(25);
        assertThat(l.p95()).hasValue(100);
        assertThat(new Latencies(List.of(7L)).p95()).hasValue(7);
        assertThat(new Latencies(List.of()).p50()).isEmpty();
    }

    @Test
    void aCellsLatenciesAreEveryObservationsMeasurements() {
        Cell cell = new Cell(List.of(pass("A#a()", "r", 10, 30), pass("B#b()", "r", 20)));
        assertThat(cell.latencies().millis()).containsExactly(10L, 20L, 30L);
        assertThat(cell.latencies().p50()).hasValue(20);
    }

    @Test
    void anObservationOfAnUnknownRunIsRefused() {
        MountMatrix.Builder b = MountMatrix.builder().run(run("a", null))
                .add(HOST_CHANGE, MountType.NINEP, pass("T#t()", "b"));
        assertThatThrownBy(b::build).hasMessageContaining("\"b\"").hasMessageContaining("host-change-visible")
                .hasMessageContaining("9p");
    }

    @Test
    void behaviourIdsAreStableKeys() {
        assertThat(new Behaviour("a.b_c-1", "  ").title()).isEqualTo("a.b_c-1");
        assertThatThrownBy(() -> new Behaviour("Host Change", "x"))
                .hasMessageContaining("\"Host Change\"").hasMessageContaining("lower-case");
    }
}
