package dev.limajunit.assertions;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestEvent;
import dev.limajunit.core.watch.HostAction;
import dev.limajunit.core.watch.HostAction.Kind;
import dev.limajunit.core.watch.InotifyEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The matching rules and message layout of {@link EventLogAssert} on a log written by hand (times in the past, so
 * nothing waits); the real watcher against a real guest is in EventLogAssertIT.
 */
class EventLogAssertTest {

    private static final long MS = 1_000_000L;
    private final EventLog log = new EventLog();
    private final long t0 = log.originNanos();

    private void host(Kind kind, String path, long atMs) {
        log.record(new HostAction(kind, path, null, "", t0 + atMs * MS, MS));
    }

    private void guest(String path, long atMs, InotifyEvent... events) {
        log.record(new GuestEvent(t0 + atMs * MS, Set.of(events), path, "line"));
    }

    @Test
    void findsEventsInOrderAndMeasuresTheLatency() {
        host(Kind.CREATE, "a.txt", 0);
        guest("a.txt", 30, InotifyEvent.CREATE);
        guest("a.txt", 35, InotifyEvent.MODIFY);
        guest("a.txt", 40, InotifyEvent.CLOSE_WRITE, InotifyEvent.CLOSE);

        EventLogAssert check = assertThat(log).receivesInOrder("a.txt", Duration.ofSeconds(1),
                InotifyEvent.CREATE, InotifyEvent.CLOSE_WRITE, InotifyEvent.CLOSE);

        org.assertj.core.api.Assertions.assertThat(check.latency()).isEqualTo(Duration.ofMillis(40));
    }

    @Test
    void anEventAfterTheDeadlineIsLate() {
        host(Kind.TOUCH, "a.txt", 0);
        guest("a.txt", 2500, InotifyEvent.ATTRIB);

        assertThatThrownBy(() -> assertThat(log).receives(InotifyEvent.ATTRIB, "a.txt", Duration.ofSeconds(2)))
                .hasMessageContaining(
                        "to receive ATTRIB for\n  \"a.txt\"\nwithin 2000 ms of host touch a.txt at +0.0 ms,"
                        + " but it arrived late, at +2500.0 ms")
                .hasMessageContaining(">  +2500.0 ms  guest  ATTRIB a.txt   [2500.0 ms after host touch]");
    }

    @Test
    void eventsBeforeTheHostActionDoNotCount() {
        guest("a.txt", 0, InotifyEvent.ATTRIB);
        host(Kind.TOUCH, "a.txt", 10);

        assertThatThrownBy(() -> assertThat(log).receives(InotifyEvent.ATTRIB, "a.txt", Duration.ofMillis(50)))
                .hasMessageContaining("but it did not arrive")
                .hasMessageContaining("[no guest event followed]");
    }

    @Test
    void receivingSomethingForAPathThatShouldStayQuietFails() {
        host(Kind.TOUCH, "sub/b.txt", 0);
        guest("sub/b.txt", 20, InotifyEvent.ATTRIB);

        assertThatThrownBy(() -> assertThat(log).receivesNothingFor("sub/b.txt", Duration.ofMillis(100)))
                .hasMessageContaining(
                        "to receive nothing for\n  \"sub/b.txt\"\nduring 100 ms of host touch sub/b.txt at"
                        + " +0.0 ms, but it received:\n  ATTRIB at +20.0 ms\ntimeline");
        assertThat(log).receivesNothingFor("other.txt", Duration.ZERO);
    }

    @Test
    void sinceMovesTheWindowToAMark() {
        host(Kind.TOUCH, "a.txt", 0);
        guest("a.txt", 10, InotifyEvent.ATTRIB);
        // The mark takes the log's real clock: let it pass the synthetic event's time first, or the event would
        // count as after the mark on a fast run.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1))
                .until(() -> log.now() > t0 + 20 * MS);
        var mark = log.note("guest touch");

        assertThatThrownBy(() -> assertThat(log).since(mark).receives(InotifyEvent.ATTRIB, "a.txt",
                Duration.ofMillis(50)))
                .hasMessageContaining("within 50 ms of \"guest touch\" at +")
                .hasMessageContaining("but it did not arrive");
    }
}
