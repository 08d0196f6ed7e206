package dev.limajunit.assertions.error;

import dev.limajunit.assertions.FileView;
import dev.limajunit.core.shell.ExecResult;

/** A guest write to a mount that should refuse it went through, or was refused for another reason. */
public final class ShouldRefuseGuestWrite extends LimaErrorMessage {

    private ShouldRefuseGuestWrite(String message) {
        super(message);
    }

    public static ShouldRefuseGuestWrite writeSucceeded(Object mount, String path, ExecResult result, FileView host) {
        return new ShouldRefuseGuestWrite("Expecting the guest write to\n  " + path + "\nin\n"
                + indent(String.valueOf(mount))
                + "\nto fail, but it succeeded (exit code " + result.exitCode() + ")\nhost sees:\n  " + path + ": "
                + host.describe());
    }

    public static ShouldRefuseGuestWrite refusedOtherwise(Object mount, String path, String expectedError,
            ExecResult result) {
        return new ShouldRefuseGuestWrite("Expecting the guest write to\n  " + path + "\nin\n"
                + indent(String.valueOf(mount))
                + "\nto fail with an error containing\n  \"" + expectedError + "\"\nbut it failed with exit code "
                + result.exitCode() + " and:\n" + indent(result.stderrText().strip()));
    }
}
