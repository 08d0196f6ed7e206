package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** `limactl list --json` prints JSON Lines: one compact object per instance (Lima 2.x field names). */
class LimaListParserTest {

    private static final String TWO_INSTANCES =
            "{\"name\":\"default\",\"hostname\":\"lima-default\",\"status\":\"Running\","
            + "\"dir\":\"/Users/me/.lima/default\","
            + "\"vmType\":\"vz\",\"arch\":\"aarch64\",\"cpus\":4,\"memory\":4294967296,\"disk\":107374182400,"
            + "\"network\":[{\"lima\":\"shared\",\"macAddress\":\"52:55:55:12:34:56\",\"interface\":\"lima0\"}],"
            + "\"sshLocalPort\":50123,\"sshConfigFile\":\"/Users/me/.lima/default/ssh.config\",\"hostAgentPID\":4242,"
            + "\"driverPID\":4242,\"config\":{\"vmType\":\"vz\",\"user\":{\"name\":\"me\",\"uid\":501},"
            + "\"mounts\":[{\"location\":\"~\"}]},"
            + "\"sshAddress\":\"127.0.0.1\",\"protected\":false,\"limaVersion\":\"2.2.0\",\"param\":{\"a\":\"b\"}}\n"
            + "{\"name\":\"broken\",\"hostname\":\"lima-broken\",\"status\":\"Broken\","
            + "\"dir\":\"/Users/me/.lima/broken\","
            + "\"vmType\":\"qemu\",\"arch\":\"aarch64\",\"errors\":[\"cannot determine status\"],"
            + "\"protected\":false,\"limaVersion\":\"2.2.0\"}\n";

    @Test
    void readsOneInstancePerLine() {
        var instances = LimaListParser.parse(TWO_INSTANCES);

        assertThat(instances).hasSize(2);
        LimaInstanceStatus running = instances.get(0);
        assertThat(running.name()).isEqualTo("default");
        assertThat(running.running()).isTrue();
        assertThat(running.dir()).isEqualTo(Path.of("/Users/me/.lima/default"));
        assertThat(running.vmType()).isEqualTo("vz");
        assertThat(running.sshLocalPort()).isEqualTo(50123);
        assertThat(running.sshAddress()).isEqualTo("127.0.0.1");
        assertThat(running.hostAgentPid()).isEqualTo(4242);
        assertThat(running.guestUser()).isEqualTo("me");
        LimaInstanceStatus broken = instances.get(1);
        assertThat(broken.running()).isFalse();
        assertThat(broken.status()).isEqualTo("Broken");
        assertThat(broken.sshLocalPort()).isZero();
        assertThat(broken.errors()).containsExactly("cannot determine status");
        assertThat(broken.guestUser()).isNull();
    }

    @Test
    void noInstanceIsNoOutput() {
        assertThat(LimaListParser.parse("")).isEmpty();
        assertThat(LimaListParser.parse("\n")).isEmpty();
    }

    @Test
    void aLineThatIsNotJsonIsNamed() {
        assertThatThrownBy(() -> LimaListParser.parse("{\"name\":\"a\"}\nNAME STATUS SSH\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2 of `limactl list --json` is not JSON: NAME STATUS SSH");
    }
}
