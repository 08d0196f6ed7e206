package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.GuestTimeoutException;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.StreamingCommand;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** A guest command whose output lines go to a listener as they arrive, with a bounded history to await. */
final class SshStreamingCommand implements StreamingCommand {

    private final SshRemoteProcess process;
    private final LineHistory history;

    private SshStreamingCommand(SshRemoteProcess process, LineHistory history) {
        this.process = process;
        this.history = history;
    }

    static SshStreamingCommand start(SshChannels channels, dev.limajunit.core.shell.Command command,
            OutputListener listener) {
        LineHistory history = new LineHistory();
        // The listener first: when awaitLine returns a line, the listener has seen it.
        LineSplitter out = new LineSplitter(line -> {
            listener.stdoutLine(line);
            history.add(line);
        });
        LineSplitter err = new LineSplitter(line -> {
            listener.stderrLine(line);
            history.add(line);
        });
        SshRemoteProcess process = channels.start(command, out, err);
        process.onClosed(() -> {
            out.finish();
            err.finish();
            history.end();
        });
        process.sendStdinAndClose(command.stdin());
        return new SshStreamingCommand(process, history);
    }

    @Override
    public String awaitLine(Predicate<String> matcher, Duration timeout) {
        Optional<String> line;
        try {
            line = history.await(matcher, timeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GuestShellException("interrupted while waiting for output of " + process.commandText(), e);
        }
        if (line.isPresent()) {
            return line.get();
        }
        List<String> recent = history.recent();
        String tail = String.join("\n", recent.subList(Math.max(0, recent.size() - 20), recent.size()));
        if (!process.isRunning()) {
            throw new GuestShellException("guest command ended before printing the awaited line: "
                    + process.commandText() + "\nlast lines:\n" + tail);
        }
        throw new GuestTimeoutException("no awaited line within " + timeout.toMillis() + " ms from guest command: "
                + process.commandText() + "\nlast lines:\n" + tail);
    }

    /** The last lines kept (at most {@link LineHistory#CAPACITY}). */
    List<String> recentLines() {
        return history.recent();
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        return process.waitFor(timeout);
    }

    @Override
    public boolean isRunning() {
        return process.isRunning();
    }

    @Override
    public void close() {
        process.close();
    }
}
