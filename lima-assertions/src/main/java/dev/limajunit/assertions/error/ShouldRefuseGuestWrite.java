package dev.limajunit.assertions.error;

import dev.limajunit.assertions.FileView;
import dev.limajunit.core.shell.ExecResult;
import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/** A guest write to a mount that should refuse it went through, or was refused for another reason. */
public final class ShouldRefuseGuestWrite extends LimaErrorMessage {

    private ShouldRefuseGuestWrite(Function<Representation, String> message) {
        super(message);
    }

    public static ShouldRefuseGuestWrite writeSucceeded(Object mount, String path, ExecResult result, FileView host) {
        return new ShouldRefuseGuestWrite(representation -> "Expecting the guest write to\n  " + path + "\nin\n"
                + indent(representation.toStringOf(mount))
                + "\nto fail, but it succeeded (exit code " + result.exitCode() + ")\nhost sees:\n  " + path + ": "
                + host.describe());
    }

    public static ShouldRefuseGuestWrite refusedOtherwise(Object mount, String path, String expectedError,
            ExecResult result) {
        return new ShouldRefuseGuestWrite(representation -> "Expecting the guest write to\n  " + path + "\nin\n"
                + indent(representation.toStringOf(mount))
                + "\nto fail with an error containing\n  \"" + expectedError + "\"\nbut it failed with exit code "
                + result.exitCode() + " and:\n" + indent(result.stderrText().strip()));
    }
}
