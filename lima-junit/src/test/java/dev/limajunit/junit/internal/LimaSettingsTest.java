package dev.limajunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.junit.LimaConfigurationException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LimaSettingsTest {

    private static LimaSettings read(Map<String, String> parameters, Map<String, String> environment) {
        return LimaSettings.read(key -> Optional.ofNullable(parameters.get(key)), environment);
    }

    @Test
    void defaults() {
        LimaSettings settings = read(Map.of(), Map.of());

        assertThat(settings.engine()).isEqualTo(EngineChoice.AUTO);
        assertThat(settings.mountTypes()).isEmpty();
        assertThat(settings.reuse()).isFalse();
        assertThat(settings.keepOnFailure()).isFalse();
        assertThat(settings.startTimeoutFactor()).isEqualTo(1.0);
        assertThat(settings.maxParallelBoots()).isPositive();
        assertThat(settings.excludes(MountType.VIRTIOFS)).isEmpty();
    }

    @Test
    void configurationParametersWinOverTheEnvironment() {
        LimaSettings settings = read(
                Map.of("lima.engine", "qemu", "lima.mountTypes", " 9p , reverse-sshfs", "lima.startTimeoutFactor",
                        "2.5"),
                Map.of("LIMA_ENGINE", "limactl", "LIMA_KEEP_ON_FAILURE", "true", "LIMA_REUSE", "yes",
                        "LIMA_MAX_PARALLEL_BOOTS", "3"));

        assertThat(settings.engine()).isEqualTo(EngineChoice.QEMU);
        assertThat(settings.mountTypes()).containsExactlyInAnyOrder(MountType.NINEP, MountType.REVERSE_SSHFS);
        assertThat(settings.keepOnFailure()).isTrue();
        assertThat(settings.reuse()).isTrue();
        assertThat(settings.maxParallelBoots()).isEqualTo(3);
        assertThat(settings.scale(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(150));
    }

    @Test
    void mountTypesSelectsTheTypesThatRun() {
        LimaSettings settings = read(Map.of("lima.mountTypes", "9p"), Map.of());

        assertThat(settings.excludes(MountType.NINEP)).isEmpty();
        assertThat(settings.excludes(MountType.VIRTIOFS)).hasValue("mount type virtiofs is not in lima.mountTypes=9p");
    }

    @Test
    void anExplicitEngineWinsOverLimaEngine() {
        LimaSettings settings = read(Map.of("lima.engine", "limactl"), Map.of());

        assertThat(settings.engineFor(EngineChoice.AUTO)).isEqualTo(EngineChoice.LIMACTL);
        assertThat(settings.engineFor(EngineChoice.QEMU)).isEqualTo(EngineChoice.QEMU);
    }

    @Test
    void environmentNamesFollowTheProperty() {
        assertThat(LimaSettings.environmentName("lima.mountTypes")).isEqualTo("LIMA_MOUNT_TYPES");
        assertThat(LimaSettings.environmentName("lima.startTimeoutFactor")).isEqualTo("LIMA_START_TIMEOUT_FACTOR");
    }

    @Test
    void badValuesNameThePropertyTheValueAndTheRule() {
        assertThatThrownBy(() -> read(Map.of("lima.mountTypes", "9p,10p"), Map.of()))
                .isInstanceOf(LimaConfigurationException.class)
                .hasMessage("configuration lima.mountTypes (or LIMA_MOUNT_TYPES): \"10p\" is not one of"
                        + " \"reverse-sshfs\", \"9p\", \"virtiofs\", \"wsl2\"");
        assertThatThrownBy(() -> read(Map.of(), Map.of("LIMA_START_TIMEOUT_FACTOR", "0")))
                .hasMessage("configuration lima.startTimeoutFactor (or LIMA_START_TIMEOUT_FACTOR): \"0\" must be a"
                        + " number above 0");
        assertThatThrownBy(() -> read(Map.of("lima.engine", "docker"), Map.of()))
                .hasMessageContaining("lima.engine").hasMessageContaining("\"docker\" is not one of");
        assertThatThrownBy(() -> read(Map.of("lima.keepOnFailure", "maybe"), Map.of()))
                .hasMessageContaining("lima.keepOnFailure").hasMessageContaining("\"maybe\" is not true or false");
    }

    @Test
    void requireNamesEnginesAndTheirMountTypes() {
        LimaSettings settings = read(Map.of(),
                Map.of("LIMA_REQUIRE", " qemu: 9p,virtiofs ; limactl ;qemu:reverse-sshfs"));

        assertThat(settings.require().engines()).containsOnly(
                Map.entry(EngineChoice.QEMU, Set.of(MountType.NINEP, MountType.VIRTIOFS,
                        MountType.REVERSE_SSHFS)),
                Map.entry(EngineChoice.LIMACTL, Set.of()));
        assertThat(read(Map.of(), Map.of()).require().engines()).isEmpty();
    }

    @Test
    void aBadRequireFailsNamingThePropertyTheValueAndTheRule() {
        assertThatThrownBy(() -> read(Map.of("lima.require", "qemu:9p,nfs"), Map.of()))
                .isInstanceOf(LimaConfigurationException.class)
                .hasMessageContaining("lima.require (or LIMA_REQUIRE)").hasMessageContaining("\"nfs\"");
        assertThatThrownBy(() -> read(Map.of("lima.require", "auto:9p"), Map.of()))
                .hasMessageContaining("\"auto\" is no engine one can require; name \"qemu\" or \"limactl\"");
        assertThatThrownBy(() -> read(Map.of("lima.require", "qemu:9p:virtiofs"), Map.of()))
                .hasMessageContaining("\"qemu:9p:virtiofs\" has more than one ':'");
        assertThatThrownBy(() -> read(Map.of("lima.require", "vz:virtiofs"), Map.of()))
                .hasMessageContaining("\"vz\" is not one of \"auto\", \"limactl\", \"qemu\"");
    }

    @Test
    void aRequiredTypeThatLimaMountTypesLeavesOutIsAContradiction() {
        assertThatThrownBy(() -> read(Map.of("lima.require", "qemu:9p,virtiofs", "lima.mountTypes", "9p"), Map.of()))
                .isInstanceOf(LimaConfigurationException.class)
                .hasMessage("configuration lima.require=qemu:9p,virtiofs requires mount type virtiofs, which"
                        + " lima.mountTypes=9p leaves out; add it to lima.mountTypes or drop it from lima.require");
    }
}
