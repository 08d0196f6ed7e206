package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LimaReleaseTest {

    @Test
    void parsesWhatLimactlVersionPrints() {
        LimaRelease release = LimaRelease.parseVersionOutput("limactl version 2.2.0\n");
        assertThat(release.major()).isEqualTo(2);
        assertThat(release.minor()).isEqualTo(2);
        assertThat(release.patch()).isZero();
        assertThat(release).hasToString("2.2.0");
    }

    @Test
    void developmentBuildsCompareByTheirRelease() {
        LimaRelease dev = LimaRelease.parseVersionOutput("limactl version 2.2.0-153-g0123abcd");
        assertThat(dev.atLeast("2.2.0")).isTrue();
        assertThat(dev.atLeast("2.2.1")).isFalse();
        assertThat(dev).hasToString("2.2.0-153-g0123abcd");
    }

    @Test
    void comparesNumericallyNotAsText() {
        assertThat(LimaRelease.of("0.21.0").atLeast("0.9")).isTrue();
        assertThat(LimaRelease.of("0.20.2").atLeast("0.21")).isFalse();
        assertThat(LimaRelease.of("1.0.0").atLeast("0.21")).isTrue();
    }

    @Test
    void outputWithoutAVersionIsQuoted() {
        assertThatThrownBy(() -> LimaRelease.parseVersionOutput("limactl version unknown"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"limactl version unknown\"");
    }
}
