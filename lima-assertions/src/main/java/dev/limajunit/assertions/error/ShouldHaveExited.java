package dev.limajunit.assertions.error;

import dev.limajunit.core.shell.ExecResult;
import java.util.Locale;
import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/** A guest command's exit status or output was not what was expected; shows the command and both streams. */
public final class ShouldHaveExited extends LimaErrorMessage {

    private ShouldHaveExited(Function<Representation, String> message) {
        super(message);
    }

    /** A command's output stream. */
    public enum Stream {
        STDOUT, STDERR;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ShouldHaveExited shouldSucceed(ExecResult result) {
        return shouldHaveExitCode(result, "succeed (exit code 0)");
    }

    public static ShouldHaveExited shouldFail(ExecResult result) {
        return shouldHaveExitCode(result, "fail (exit code other than 0)");
    }

    public static ShouldHaveExited shouldExitWith(ExecResult result, int expected) {
        return shouldHaveExitCode(result, "exit with " + expected);
    }

    public static ShouldHaveExited shouldContain(ExecResult result, Stream stream, String expected) {
        return shouldHaveOutput(result, stream, "to contain", expected);
    }

    public static ShouldHaveExited shouldMatch(ExecResult result, Stream stream, String regex) {
        return shouldHaveOutput(result, stream, "to match the regular expression", regex);
    }

    private static ShouldHaveExited shouldHaveExitCode(ExecResult result, String expected) {
        return new ShouldHaveExited(representation -> "Expecting the guest command\n" + indent(result.command())
                + "\nto " + expected + ", but it exited with " + result.exitCode() + " after "
                + ms(result.duration()) + "\n" + streams(result));
    }

    private static ShouldHaveExited shouldHaveOutput(ExecResult result, Stream stream, String expectation,
            String expected) {
        return new ShouldHaveExited(representation -> "Expecting " + stream + " of the guest command\n"
                + indent(result.command()) + "\n" + expectation + "\n  \"" + expected + "\"\nbut it did not (exit code "
                + result.exitCode() + ")\n" + streams(result));
    }

    private static String streams(ExecResult result) {
        return "stdout:\n" + indent(tail(result.stdoutText())) + "\nstderr:\n" + indent(tail(result.stderrText()));
    }

    private static String tail(String text) {
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return "(empty)";
        }
        return stripped.length() <= 2000 ? stripped : "..." + stripped.substring(stripped.length() - 2000);
    }
}
