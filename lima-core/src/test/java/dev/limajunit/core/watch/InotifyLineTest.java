package dev.limajunit.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InotifyLineTest {

    private final InotifyLine parser = new InotifyLine("/mnt/host dir/");

    @Test
    void readsNamesAndPathRelativeToTheRoot() {
        GuestEvent event = parser.parse("CLOSE_WRITE,CLOSE /mnt/host dir/sub/a b.txt", 42).orElseThrow();

        assertThat(event.events()).containsExactlyInAnyOrder(InotifyEvent.CLOSE_WRITE, InotifyEvent.CLOSE);
        assertThat(event.path()).isEqualTo("sub/a b.txt");
        assertThat(event.atNanos()).isEqualTo(42);
        assertThat(event.names()).isEqualTo("CLOSE_WRITE,CLOSE");
    }

    @Test
    void eventsOnTheRootAndOnDirectoriesHaveNoTrailingSlash() {
        assertThat(parser.parse("ATTRIB,ISDIR /mnt/host dir/", 0).orElseThrow().path()).isEmpty();
        assertThat(parser.parse("DELETE_SELF /mnt/host dir/sub/", 0).orElseThrow().path()).isEqualTo("sub");
    }

    @Test
    void keepsNonAsciiNames() {
        assertThat(parser.parse("CREATE /mnt/host dir/grüße/日本.txt", 0).orElseThrow().path())
                .isEqualTo("grüße/日本.txt");
    }

    @Test
    void otherLinesAreNotEvents() {
        assertThat(parser.parse("Watches established.", 0)).isEmpty();
        assertThat(parser.parse("", 0)).isEmpty();
    }

    @Test
    void unknownEventNamesAreNamedInTheError() {
        assertThatThrownBy(() -> parser.parse("CREATE,BOGUS /mnt/host dir/x", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"BOGUS\"")
                .hasMessageContaining("CREATE,BOGUS");
    }
}
