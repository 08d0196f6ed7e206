package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestPath;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The wrapped line, run by a local /bin/sh the way sshd runs it ($SHELL -c LINE). */
class RemoteCommandLineTest {

    @Test
    void argvIsExecedWithTheMarkerInItsEnvironment() throws Exception {
        String line = RemoteCommandLine.build(Command.of("sh", "-c", "echo $LIMA_JUNIT_CMD; echo $$ $PPID"), "tok1");

        assertThat(line).startsWith("export LIMA_JUNIT_CMD=tok1; ").contains("exec 'sh' '-c'");
        String[] out = runLocally(line).split("\n");
        assertThat(out[0]).isEqualTo("tok1");
    }

    @Test
    void environmentAndDirectoryComeBeforeTheCommand() throws Exception {
        Command command = Command.shell("pwd; printf %s \"$X\"").env("X", "a 'b' $c")
                .workingDirectory(GuestPath.of("/usr"));

        assertThat(runLocally(RemoteCommandLine.build(command, "t"))).isEqualTo("/usr\na 'b' $c");
    }

    @Test
    void anotherUserGoesThroughSudoOrSu() {
        String line = RemoteCommandLine.build(Command.of("id").asUser("o'brien"), "t");

        assertThat(line).contains("sudo -n -u 'o'\\''brien'").contains("su -s /bin/sh 'o'\\''brien'");
    }

    @Test
    void theKillScriptParsesInAPosixShell() throws Exception {
        // nothing carries this token, so the script finds nobody and exits 0
        Process process = new ProcessBuilder("/bin/sh", "-n", "-c", RemoteKillScript.forToken("feedface")).start();

        assertThat(process.waitFor()).isZero();
        assertThat(runLocally(RemoteKillScript.forToken("feedface"))).isEmpty();
    }

    private static String runLocally(String line) throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }
}
