package dev.limajunit.core.shell;

/** A guest command exited non-zero where success was required. */
public class GuestCommandException extends GuestShellException {

    private final transient ExecResult result;

    public GuestCommandException(ExecResult result) {
        super("guest command failed with exit code " + result.exitCode() + ": " + result.command()
                + (result.stderr().length == 0 ? "" : "\nstderr: " + result.stderrTail(2000)));
        this.result = result;
    }

    public ExecResult result() {
        return result;
    }
}
