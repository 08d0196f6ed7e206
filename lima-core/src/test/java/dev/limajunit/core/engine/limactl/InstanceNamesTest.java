package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceNamesTest {

    @TempDir
    Path tmp;

    @Test
    void namesCarryTheSession() {
        assertThat(InstanceNames.of("abc123", "9p-0")).isEqualTo("lj-abc123-9p-0");
        assertThat(InstanceNames.sessionOf("lj-abc123-9p-0")).contains("abc123");
        assertThat(InstanceNames.sessionOf("default")).isEmpty();
        assertThat(InstanceNames.sessionOf("lj-x")).isEmpty();
    }

    @Test
    void limasNameRuleIsChecked() {
        assertThatThrownBy(() -> InstanceNames.check("_internal")).hasMessageContaining("\"_internal\"");
        assertThatThrownBy(() -> InstanceNames.check("a--b")).hasMessageContaining("not a valid Lima instance name");
        assertThat(InstanceNames.check("lj-a.b_c-1")).isEqualTo("lj-a.b_c-1");
    }

    @Test
    void aSessionIsAliveWhileItsLockIsHeld() {
        SessionLocks mine = SessionLocks.start(tmp);
        SessionLocks other = SessionLocks.start(tmp);

        assertThat(mine.isAlive(mine.currentSession())).isTrue();
        assertThat(mine.isAlive(other.currentSession())).isTrue();
        assertThat(mine.isAlive("neverexisted")).isFalse();
        assertThat(mine.currentSession()).matches("[a-z0-9]{8}");
    }
}
