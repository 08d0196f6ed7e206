package dev.limajunit.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "128KiB, 131072", "4KiB, 4096", "1MiB, 1048576", "4GiB, 4294967296", "100GiB, 107374182400",
        "1.5GiB, 1610612736", "512m, 536870912", "2k, 2048", "64KB, 65536", "4096, 4096", "10b, 10",
        "'8 GiB', 8589934592"
    })
    void parsesWhatLimaAccepts(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KiB", "lots", "-4KiB", "4XiB", "4 K i B", "99999999999PiB"})
    void rejectsAnythingElseNamingTheValue(String text) {
        assertThatThrownBy(() -> ByteSize.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"131072, 128KiB", "4294967296, 4GiB", "1000, 1000B", "1536, 1536B", "0, 0B"})
    void formatsTheShortestExactSpelling(long bytes, String text) {
        assertThat(ByteSize.format(bytes)).isEqualTo(text);
    }
}
