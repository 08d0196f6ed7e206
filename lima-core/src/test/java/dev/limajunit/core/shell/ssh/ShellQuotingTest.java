package dev.limajunit.core.shell.ssh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Quoting checked by real shells: what the guest's login shell does with our line. */
class ShellQuotingTest {

    private static final List<String> AWKWARD = List.of(
            "", " ", "two  spaces", "tab\there", "new\nline", "'", "''", "\"", "$HOME", "${PATH}", "$(id)", "`id`",
            "\\", "\\'", "!", "*", "?", "[a]", "{b,c}", "~", "#", ";", "&", "|", "<", ">", "(", ")", "%s", "-n",
            "--", "é ü 日本 🙂", "it's \"quoted\" $x `y` \\z\n");

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/dash", "/bin/bash", "/usr/bin/busybox"})
    void everyAwkwardWordSurvivesARealShell(String shell) throws Exception {
        assumeTrue(Files.isExecutable(Path.of(shell)), shell + " is not installed here");
        for (String word : AWKWARD) {
            List<String> command = shell.endsWith("busybox")
                    ? List.of(shell, "sh", "-c", "printf %s " + ShellQuoting.quote(word))
                    : List.of(shell, "-c", "printf %s " + ShellQuoting.quote(word));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).isZero();
            assertThat(out).as("%s round trip of [%s]", shell, word).isEqualTo(word);
        }
    }

    @Test
    void joinKeepsWordBoundaries() {
        assertThat(ShellQuoting.join(List.of("a b", "", "c'd"))).isEqualTo("'a b' '' 'c'\\''d'");
    }

    @Test
    void aNulCharacterIsRefusedWithTheWord() {
        assertThatThrownBy(() -> ShellQuoting.quote("a\0b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NUL")
                .hasMessageContaining("a\\0b");
    }
}
