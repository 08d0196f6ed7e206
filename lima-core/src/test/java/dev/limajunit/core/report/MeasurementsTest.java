package dev.limajunit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class MeasurementsTest {

    @Test
    void aCaptureCollectsWhatItsThreadRecordsUntilClosed() {
        Measurements.Capture capture = Measurements.capture();
        Measurements.record("visible", Duration.ofMillis(23));
        Measurements.record("visible", Duration.ofMillis(41));
        assertThat(capture.drain()).containsExactly(new Measurement("visible", 23), new Measurement("visible", 41));
        assertThat(capture.drain()).isEmpty();
        capture.close();
        Measurements.record("late", Duration.ofMillis(1));
        assertThat(capture.drain()).isEmpty();
    }

    @Test
    void aPoolThreadsMeasurementGoesToTheOnlyOpenCapture() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> { }).get(); // the pool thread exists before the capture: it inherits nothing
            try (Measurements.Capture capture = Measurements.capture()) {
                pool.submit(() -> Measurements.record("polled", Duration.ofMillis(7))).get();
                assertThat(capture.drain()).containsExactly(new Measurement("polled", 7));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelTestsKeepTheirOwnMeasurements() {
        CompletableFuture<Object> a = CompletableFuture.supplyAsync(() -> measureInOwnCapture("a", 1));
        CompletableFuture<Object> b = CompletableFuture.supplyAsync(() -> measureInOwnCapture("b", 2));
        assertThat(a.join()).isEqualTo(List.of(new Measurement("a", 1)));
        assertThat(b.join()).isEqualTo(List.of(new Measurement("b", 2)));
    }

    private static Object measureInOwnCapture(String what, long ms) {
        try (Measurements.Capture capture = Measurements.capture()) {
            Measurements.record(what, Duration.ofMillis(ms));
            return capture.drain();
        }
    }
}
