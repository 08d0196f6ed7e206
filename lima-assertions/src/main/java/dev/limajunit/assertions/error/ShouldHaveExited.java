package dev.limajunit.assertions.error;

import dev.limajunit.core.shell.ExecResult;

/** A guest command's exit status or output was not what was expected; shows the command and both streams. */
public final class ShouldHaveExited extends LimaErrorMessage {

    private ShouldHaveExited(String message) {
        super(message);
    }

    public static ShouldHaveExited shouldHaveExitCode(ExecResult result, String expected) {
        return new ShouldHaveExited("Expecting the guest command\n" + indent(result.command()) + "\nto " + expected
                + ", but it exited with " + result.exitCode() + " after " + ms(result.duration()) + "\n"
                + streams(result));
    }

    /**
     * @param stream      "stdout" or "stderr"
     * @param expectation e.g. "to contain" or "to match the regular expression"
     */
    public static ShouldHaveExited shouldHaveOutput(ExecResult result, String stream, String expectation,
            String expected) {
        return new ShouldHaveExited("Expecting " + stream + " of the guest command\n" + indent(result.command()) + "\n"
                + expectation + "\n  \"" + expected + "\"\nbut it did not (exit code " + result.exitCode() + ")\n"
                + streams(result));
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
