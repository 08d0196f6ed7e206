package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lima's host agent's filterEvents, case by case. */
class RepeatedEventFilterTest {

    private static final Path FILE = Path.of("/src/a.txt");
    private final RepeatedEventFilter filter = new RepeatedEventFilter();

    private static FileTime at(long millis) {
        return FileTime.fromMillis(millis);
    }

    @Test
    void theFirstEventForAPathIsForwardedAndTheSameMtimeAgainIsNot() {
        assertThat(filter.isRepeat(FILE, at(1_000))).isFalse();
        assertThat(filter.isRepeat(FILE, at(1_000))).as("a chmod or the guest's touch coming back").isTrue();
        assertThat(filter.isRepeat(Path.of("/src/b.txt"), at(1_000))).as("another path").isFalse();
    }

    @Test
    void anMtimeLessThanTenMillisecondsLaterIsARepeatAndTenIsNot() {
        filter.isRepeat(FILE, at(1_000));
        assertThat(filter.isRepeat(FILE, at(1_009))).isTrue();
        assertThat(filter.isRepeat(FILE, at(1_010))).isFalse();
    }

    @Test
    void theWindowCountsFromTheLastForwardedMtimeNotFromTheLastDroppedOne() {
        filter.isRepeat(FILE, at(1_000));
        assertThat(filter.isRepeat(FILE, at(1_005))).isTrue();
        assertThat(filter.isRepeat(FILE, at(1_011))).as("11 ms after the forwarded one, 6 after the dropped one")
                .isFalse();
    }

    @Test
    void anMtimeSetBackwardsIsDropped() {
        filter.isRepeat(FILE, at(1_000_000));
        assertThat(filter.isRepeat(FILE, at(1_000))).isTrue();
    }

    @Test
    void fractionsOfAMillisecondAreCutAsLimaDoes() {
        filter.isRepeat(FILE, FileTime.from(Instant.ofEpochSecond(1, 999_999)));
        assertThat(filter.isRepeat(FILE, FileTime.from(Instant.ofEpochSecond(1, 10_000_000))))
                .as("1.010000 s is 10 ms after 1.000999 s in whole milliseconds").isFalse();
    }

    @Test
    void aFullMemoryIsClearedWhole() {
        filter.isRepeat(FILE, at(1_000));
        for (int i = 1; i < RepeatedEventFilter.CAPACITY; i++) {
            filter.isRepeat(Path.of("/src/f" + i), at(1_000));
        }
        assertThat(filter.isRepeat(FILE, at(1_000))).as("forgotten with the rest").isFalse();
    }
}
