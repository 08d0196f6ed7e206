package dev.limajunit.core.shell.ssh;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LineHistoryTest {

    @Test
    void historyKeepsTheLastLinesAndFindsEarlierOnes() throws Exception {
        LineHistory history = new LineHistory();
        history.add("ready");
        for (int i = 0; i < LineHistory.CAPACITY - 1; i++) {
            history.add("line " + i);
        }
        assertThat(history.await("ready"::equals, 0)).contains("ready");

        history.add("one more");
        assertThat(history.recent()).hasSize(LineHistory.CAPACITY).doesNotContain("ready");
        history.end();
        assertThat(history.await("ready"::equals, 1_000_000_000L)).isEqualTo(Optional.empty());
    }
}
