package dev.limajunit.core.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.watch.HostAction.Kind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long MS = 1_000_000L;

    @Test
    void showsOffsetsLatenciesAndUnansweredActions() {
        EventLog log = new EventLog(() -> 1_000 * MS);
        log.record(new LogNote(1_000 * MS, "watches established"));
        log.record(new HostAction(Kind.APPEND, "a.txt", null, "6 bytes", 1_500 * MS, MS / 2));
        log.record(new GuestEvent(1_532 * MS + MS / 2, Set.of(InotifyEvent.ATTRIB), "a.txt", "ATTRIB /m/a.txt"));
        log.record(new HostAction(Kind.TOUCH, "sub/b.txt", null, "", 2_000 * MS, MS));

        String text = Timeline.render(log, "sub/b.txt");

        assertThat(text).isEqualTo("""
                timeline (ms since the log began; guest events show the delay after the latest host action on \
                their path):
                      +0.0 ms  note   watches established
                    +500.0 ms  host   append a.txt (6 bytes)
                    +532.5 ms  guest  ATTRIB a.txt   [32.5 ms after host append]
                >  +1000.0 ms  host   touch sub/b.txt   [no guest event followed]
                """);
    }

    @Test
    void renamesConcernBothNames() {
        EventLog log = new EventLog(() -> 0);
        log.record(new HostAction(Kind.RENAME, "old.txt", "new.txt", "", 10 * MS, 0));
        log.record(new GuestEvent(20 * MS, Set.of(InotifyEvent.ATTRIB), "new.txt", "ATTRIB /m/new.txt"));

        assertThat(Timeline.render(log)).contains("host   rename old.txt -> new.txt\n")
                .contains("guest  ATTRIB new.txt   [10.0 ms after host rename]");
    }

    @Test
    void anEmptyLogSaysSo() {
        assertThat(Timeline.render(new EventLog())).endsWith("  (empty)\n");
    }
}
