package dev.limajunit.core.shell;

/**
 * Runs commands in a guest and moves files in and out of it, over one kept SSH session.
 * Thread safe: many commands may run at once; channels beyond the server's limit wait their turn.
 */
public interface GuestShell extends AutoCloseable {

    /** Runs argv (each argument arrives intact) and waits for it. A non-zero exit is not an error here. */
    default ExecResult exec(String... argv) {
        return exec(Command.of(argv));
    }

    /** Runs a shell snippet with {@code /bin/sh -c} and waits for it. */
    default ExecResult execShell(String script) {
        return exec(Command.shell(script));
    }

    /**
     * Runs argv and throws {@link GuestCommandException} when it exits non-zero; the message holds the command,
     * the exit code and the tail of stderr.
     */
    default ExecResult execChecked(String... argv) {
        return execChecked(Command.of(argv));
    }

    default ExecResult execChecked(Command command) {
        ExecResult result = exec(command);
        if (!result.succeeded()) {
            throw new GuestCommandException(result);
        }
        return result;
    }

    /**
     * Runs a command and waits for it, up to its timeout; on timeout the remote process is ended and
     * {@link GuestTimeoutException} is thrown.
     */
    ExecResult exec(Command command);

    /**
     * Starts a command with raw access to its stdin, stdout and stderr (e.g. to cross-wire sshfs with a host
     * SFTP server). {@link RunningCommand#close()} ends the remote process.
     */
    RunningCommand start(Command command);

    /**
     * Starts a command whose output lines go to {@code listener} as they arrive; the returned handle can
     * wait for a readiness line. {@link StreamingCommand#close()} ends the remote process.
     */
    StreamingCommand stream(Command command, OutputListener listener);

    /** File transfer and inspection over SFTP. */
    GuestFiles files();

    /** Closes the session; running commands end. Idempotent. */
    @Override
    void close();
}
