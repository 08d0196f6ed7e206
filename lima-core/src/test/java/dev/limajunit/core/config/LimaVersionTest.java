package dev.limajunit.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimaVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            limactl version 2.2.0      | 2.2.0
            2.2.0                      | 2.2.0
            v0.21.0-rc.1               | 0.21.0
            limactl version 1.0        | 1.0.0
            limactl version 0.9.2-3-gdeadbeef | 0.9.2
            """)
    void parsesWhatLimactlPrints(String text, String expected) {
        assertThat(LimaVersion.parse(text)).hasToString(expected);
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertThat(LimaVersion.parse("0.10.0")).isGreaterThan(LimaVersion.parse("0.9.9"));
        assertThat(LimaVersion.parse("2.2.0")).isGreaterThan(LimaVersion.parse("2.1.12"));
        assertThat(LimaVersion.parse("1.0.0")).isEqualByComparingTo(LimaVersion.of(1, 0));
        assertThat(LimaVersion.parse("0.21.0").isAtLeast(0, 21)).isTrue();
        assertThat(LimaVersion.parse("0.20.9").isAtLeast(0, 21)).isFalse();
    }

    @Test
    void textWithoutAVersionIsAnError() {
        assertThatThrownBy(() -> LimaVersion.parse("limactl: command not found"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("limactl: command not found");
    }
}
