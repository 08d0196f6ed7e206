package dev.limajunit.assertions.error;

import dev.limajunit.core.shell.ExecResult;

/** The guest could not make the change it was asked to make; the guest's own error is the point. */
public final class ShouldRunGuestChange extends LimaErrorMessage {

    private ShouldRunGuestChange(String message) {
        super(message);
    }

    public static ShouldRunGuestChange shouldRunGuestChange(Object mount, Object change, ExecResult result) {
        return new ShouldRunGuestChange("Expecting the guest to make the change\n" + indent(String.valueOf(change))
                + "\nin\n" + indent(String.valueOf(mount)) + "\nbut the guest command failed with exit code "
                + result.exitCode() + ":\n" + indent(result.command()) + "\nguest error:\n"
                + indent(result.stderrTail(2000).strip()));
    }
}
