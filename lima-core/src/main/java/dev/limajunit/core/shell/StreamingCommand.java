package dev.limajunit.core.shell;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** A started guest command whose output lines go to a listener. Closing it ends the remote process. */
public interface StreamingCommand extends AutoCloseable {

    /**
     * Waits until a stdout or stderr line matches (e.g. inotifywait's "Watches established."), including lines
     * that arrived before this call.
     *
     * @return the matching line
     * @throws GuestTimeoutException when none matched within {@code timeout}; the message shows the lines seen
     */
    String awaitLine(Predicate<String> matcher, Duration timeout);

    OptionalInt waitFor(Duration timeout);

    boolean isRunning();

    /** Ends the remote process and releases the channel. Idempotent. */
    @Override
    void close();
}
