package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** $LIMA_HOME/NAME/ssh.sock.XXXXXXXXXXXXXXXX must fit a unix socket path: < 108 bytes (Linux), < 104 (macOS). */
class LimaHomeTest {

    @Test
    void theLongestSocketPathMayHave107BytesOnLinux() {
        // "/" + home + "/" + name + "/" + 25 characters of socket name
        String name = "lj-abcdefgh-1";
        int homeLength = 107 - 1 - name.length() - 1 - LimaHome.LONGEST_SOCKET.length();
        Path fits = Path.of("/" + "h".repeat(homeLength - 1));
        Path tooLong = Path.of("/" + "h".repeat(homeLength));

        assertThatCode(() -> new LimaHome(fits, false).checkSocketPaths(name, "Linux")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new LimaHome(tooLong, false).checkSocketPaths(name, "Linux"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("would be 108 bytes")
                .hasMessageContaining("within 107 bytes");
    }

    @Test
    void macOsAllowsFourBytesLess() {
        String name = "lj-abcdefgh-1";
        Path home = Path.of("/" + "h".repeat(104 - 1 - 1 - name.length() - 1 - LimaHome.LONGEST_SOCKET.length()));

        assertThatCode(() -> new LimaHome(home, false).checkSocketPaths(name, "Linux")).doesNotThrowAnyException();
        assertThatThrownBy(() -> new LimaHome(home, false).checkSocketPaths(name, "Mac OS X"))
                .hasMessageContaining("within 103 bytes");
    }

    @Test
    void thePrivateHomeIsShort() {
        LimaHome home = LimaHomes.resolve(Map.of("HOME", "/home/me"), true, "abcdefgh");
        assertThatCode(() -> home.checkSocketPaths("lj-abcdefgh-" + "x".repeat(40), "Mac OS X"))
                .doesNotThrowAnyException();
    }

    @Test
    void limaHomeFromTheEnvironmentElseHomeDotLima() {
        org.assertj.core.api.Assertions.assertThat(
                LimaHomes.resolve(Map.of("HOME", "/home/me"), false, "s").dir())
                .isEqualTo(Path.of("/home/me/.lima"));
        org.assertj.core.api.Assertions.assertThat(
                LimaHomes.resolve(Map.of("HOME", "/home/me", "LIMA_HOME", "/l"), false, "s").dir())
                .isEqualTo(Path.of("/l"));
    }
}
