package dev.limajunit.assertions.error;

import dev.limajunit.core.shell.ExecResult;
import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/** The guest could not make the change it was asked to make; the guest's own error is the point. */
public final class ShouldRunGuestChange extends LimaErrorMessage {

    private ShouldRunGuestChange(Function<Representation, String> message) {
        super(message);
    }

    public static ShouldRunGuestChange shouldRunGuestChange(Object mount, Object change, ExecResult result) {
        return new ShouldRunGuestChange(representation -> "Expecting the guest to make the change\n"
                + indent(representation.toStringOf(change)) + "\nin\n" + indent(representation.toStringOf(mount))
                + "\nbut the guest command failed with exit code " + result.exitCode() + ":\n"
                + indent(result.command()) + "\nguest error:\n" + indent(result.stderrTail(2000).strip()));
    }
}
