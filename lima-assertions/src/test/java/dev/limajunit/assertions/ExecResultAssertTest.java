package dev.limajunit.assertions;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.shell.ExecResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The message layout of {@link ExecResultAssert}; the real guest commands are in ExecResultAssertIT. */
class ExecResultAssertTest {

    private final ExecResult failed = new ExecResult("cat /nope", 1, new byte[0],
            "cat: can't open '/nope': No such file or directory\n".getBytes(StandardCharsets.UTF_8),
                    Duration.ofMillis(12));

    @Test
    void aFailedCommandIsNamedWithItsStreams() {
        assertThatThrownBy(() -> assertThat(failed).succeeded()).hasMessage("""

                Expecting the guest command
                  cat /nope
                to succeed (exit code 0), but it exited with 1 after 12 ms
                stdout:
                  (empty)
                stderr:
                  cat: can't open '/nope': No such file or directory""");
    }

    @Test
    void passesWhatHolds() {
        assertThat(failed).failed().hasExitCode(1).stderrContains("No such file").stderrMatches("^cat: .*'/nope'");
    }

    @Test
    void theDescriptionPrefixesTheMessage() {
        assertThatThrownBy(() -> assertThat(failed).as("reading a missing file").stdoutMatches("\\d+"))
                .hasMessageStartingWith(
                        "[reading a missing file] \nExpecting stdout of the guest command\n  cat /nope\n"
                        + "to match the regular expression\n  \"\\d+\"\nbut it did not (exit code 1)");
    }
}
