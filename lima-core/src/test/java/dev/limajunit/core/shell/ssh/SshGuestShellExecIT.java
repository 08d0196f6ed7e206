package dev.limajunit.core.shell.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestCommandException;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** exec against a real OpenSSH sshd on 127.0.0.1. */
@ExtendWith(LocalSshShell.class)
class SshGuestShellExecIT {

    private static SshGuestShell shell;

    @BeforeAll
    static void start(SshGuestShell connected) {
        shell = connected;
    }

    @Test
    void keepsExitCodeAndStreamsApart() {
        ExecResult result = shell.execShell("echo out; echo err >&2; exit 3");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdoutText()).isEqualTo("out\n");
        assertThat(result.stderrText()).isEqualTo("err\n");
        assertThat(result.succeeded()).isFalse();
    }

    @Test
    void commandNotFoundIs127() {
        ExecResult result = shell.exec("no-such-command-lima-junit");

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stderrText()).contains("no-such-command-lima-junit");
    }

    @Test
    void execCheckedNamesCommandExitCodeAndStderr() {
        assertThatThrownBy(() -> shell.execChecked(Command.shell("echo broken pipe dream >&2; exit 42")))
                .isInstanceOf(GuestCommandException.class)
                .hasMessageContaining("exit code 42")
                .hasMessageContaining("echo broken pipe dream")
                .hasMessageContaining("stderr: broken pipe dream");
    }

    @Test
    void stderrOnlyOutput() {
        ExecResult result = shell.execShell("printf 'only on stderr' >&2");

        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderrText()).isEqualTo("only on stderr");
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void argvArrivesIntactThroughPrintf() {
        String awkward = " two  spaces\ttab\nnewline 'single' \"double\" $HOME ${PATH} $(id) `id` \\ backslash"
                + " ! * ? [a] {b,c} ~ # ; & | < > ( ) % %s -n -- é ü 日本 🙂 '\\'' ";
        List<String> arguments = List.of(awkward, "", "'", "\"", "$", "-n", "\\", "\n", "*");
        for (String argument : arguments) {
            ExecResult result = shell.exec("printf", "%s", argument);
            assertThat(result.stdoutText()).as("round trip of %s", argument).isEqualTo(argument);
        }
    }

    @Test
    void manyArgumentsKeepTheirBoundaries() {
        ExecResult result = shell.exec("printf", "[%s]", "a b", "", "c'd", "e\nf");

        assertThat(result.stdoutText()).isEqualTo("[a b][][c'd][e\nf]");
    }

    @Test
    void binaryOutputIsExact() {
        byte[] expected = new byte[256 * 4];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) i;
        }
        // od-free: the guest decodes the same bytes from stdin and writes them back out
        ExecResult result = shell.exec(Command.of("cat").stdin(expected));

        assertThat(result.stdout()).isEqualTo(expected);
    }

    @Test
    void binaryOutputFromTheGuestIsExact() {
        StringBuilder script = new StringBuilder("printf '");
        for (int i = 0; i < 256; i++) {
            script.append(String.format("\\%03o", i));
        }
        script.append("'");
        ExecResult result = shell.execShell(script.toString());

        byte[] expected = new byte[256];
        for (int i = 0; i < 256; i++) {
            expected[i] = (byte) i;
        }
        assertThat(result.stdout()).isEqualTo(expected);
    }

    @Test
    void environmentWorkingDirectoryAndStdin() {
        ExecResult result = shell.exec(Command.shell("pwd; printf '%s|' \"$GREETING\" \"$EMPTY\"; cat")
                .env("GREETING", "hello 'world' $x")
                .env("EMPTY", "")
                .workingDirectory(GuestPath.of("/usr/share"))
                .stdin("from stdin\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(result.stdoutText()).isEqualTo("/usr/share\nhello 'world' $x||from stdin\n");
    }

    @Test
    void missingWorkingDirectoryFailsTheCommand() {
        ExecResult result = shell.exec(Command.of("true").workingDirectory(GuestPath.of("/no/such/dir")));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderrText()).contains("/no/such/dir");
    }

    @Test
    void commandWithoutStdinSeesEndOfInput() {
        ExecResult result = shell.exec(Command.of("cat").timeout(Duration.ofSeconds(10)));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void asAnotherUser() {
        ExecResult result = shell.exec(Command.of("id", "-un").asUser("nobody"));

        assertThat(result.stderrText()).isEmpty();
        assertThat(result.stdoutText()).isEqualTo("nobody\n");
    }

    @Test
    void timeoutEndsTheRemoteProcessAndItsChildren() {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        // the shell runs sleep as a child: both must be gone, not just the channel
        Command sleeper = Command.shell("sleep " + seconds + "; true").timeout(Duration.ofMillis(700));

        assertThatThrownBy(() -> shell.exec(sleeper))
                .isInstanceOf(GuestTimeoutException.class)
                .hasMessageContaining("700 ms")
                .hasMessageContaining("sleep " + seconds);

        ExecResult left = shell.exec("sh", "-c", "ps -eo args | grep -e \"$1\" | grep -v grep; true", "sh", seconds);
        assertThat(left.stdoutText()).isEmpty();
    }

    @Test
    void timeoutEndsACommandOfAnotherUserToo() {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        Command sleeper = Command.shell("sleep " + seconds + "; true").asUser("nobody").timeout(Duration.ofMillis(700));

        assertThatThrownBy(() -> shell.exec(sleeper)).isInstanceOf(GuestTimeoutException.class);

        ExecResult left = shell.exec("sh", "-c", "ps -eo args | grep -e \"$1\" | grep -v grep; true", "sh", seconds);
        assertThat(left.stdoutText()).isEmpty();
    }

    @Test
    void fiftyConcurrentExecsOnOneSessionWithinTheChannelLimit() throws Exception {
        String dir = shell.execChecked("mktemp", "-d").stdoutText().trim();
        // each command registers itself, counts who is running with it, and leaves
        String script = "touch \"$1/$$\"; n=$(ls \"$1\" | wc -l); sleep 0.3; rm \"$1/$$\"; printf '%s %s' \"$2\" $n";
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<ExecResult>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String n = Integer.toString(i);
                calls.add(() -> shell.exec("sh", "-c", script, "sh", dir, n));
            }
            List<Future<ExecResult>> results = pool.invokeAll(calls);
            int most = 0;
            for (int i = 0; i < 50; i++) {
                ExecResult result = results.get(i).get();
                assertThat(result.exitCode()).as("exit of call %d: %s", i, result.stderrText()).isZero();
                String[] words = result.stdoutText().split(" ");
                assertThat(words[0]).isEqualTo(Integer.toString(i));
                most = Math.max(most, Integer.parseInt(words[1]));
            }
            // OpenSSH allows 10 channels; one is kept back for ending timed-out commands
            assertThat(most).isBetween(2, SshShellOptions.OPENSSH_MAX_SESSIONS - 1);
        } finally {
            pool.shutdownNow();
            shell.execChecked("rm", "-rf", dir);
        }
        assertThat(shell.reconnects()).isZero();
    }
}
