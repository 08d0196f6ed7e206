package dev.limajunit.core.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.OptionalInt;

/** A started guest command with raw streams. Closing it ends the remote process, not just the channel. */
public interface RunningCommand extends AutoCloseable {

    OutputStream stdin();

    InputStream stdout();

    InputStream stderr();

    /** Waits up to {@code timeout}; the exit code, or empty if it is still running. */
    OptionalInt waitFor(Duration timeout);

    boolean isRunning();

    /** Ends the remote process and releases the channel. Idempotent. */
    @Override
    void close();
}
