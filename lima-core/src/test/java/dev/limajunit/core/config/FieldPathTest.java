package dev.limajunit.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    @Test
    void aMountFieldHasItsIndexAndTheNamesBelow() {
        FieldPath path = FieldPath.parse("mounts[12].9p.msize");

        assertThat(path.mount()).isEqualTo(OptionalInt.of(12));
        assertThat(path.names()).containsExactly("9p", "msize");
        assertThat(path.optionsBlock()).isEmpty();
        assertThat(path).hasToString("mounts[12].9p.msize");
    }

    @Test
    void anInstanceWideFieldHasNoMount() {
        FieldPath path = FieldPath.parse("mountType");

        assertThat(path.mount()).isEmpty();
        assertThat(path.names()).isEqualTo(List.of("mountType"));
        assertThat(path).hasToString("mountType");
    }

    @Test
    void aWholeOptionsBlockIsNamedByItsMountType() {
        assertThat(FieldPath.parse("mounts[0].sshfs").optionsBlock()).contains("sshfs");
        assertThat(FieldPath.parse("mounts[0].location").optionsBlock()).isEmpty();
        assertThat(FieldPath.parse("9p").optionsBlock()).isEmpty();
        assertThat(FieldPath.parse("mounts[3]")).hasToString("mounts[3]");
    }

    @Test
    void renderingRenamesEveryNameButTheLast() {
        assertThat(FieldPath.parse("mounts[0].9p.msize").render(n -> n.equals("9p") ? "ninep" : n))
                .isEqualTo("mounts[0].ninep.msize");
        assertThat(FieldPath.parse("9p.msize").render(n -> n.equals("9p") ? "ninep" : n)).isEqualTo("ninep.msize");
        assertThat(FieldPath.parse("mounts[0].9p").render(n -> n.equals("9p") ? "ninep" : n))
                .isEqualTo("mounts[0].9p");
    }
}
