package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link LimaMount} as a value, and what a lima.yaml gives a {@link LimaVm}: package-private parts, no VM. */
class LimaMountTest {

    @Test
    void aLimaMountIsImmutable() {
        LimaMount base = LimaMount.fresh().mountPoint("/mnt/a");
        LimaMount writable = base.writable(true);

        assertThat(base.spec().writable()).isNull();
        assertThat(writable.spec().writable()).isTrue();
        assertThatThrownBy(() -> LimaMount.of(null)).hasMessageContaining("location is null");
    }

    @Test
    void aLimaYamlGivesNoImagesNorProvisioning() {
        assertThat(LimaVmYaml.TAKEN).doesNotContain("images", "provision");
    }
}
