package dev.limajunit.core.watch;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.StreamingCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Runs {@code inotifywait -m} on a guest directory and records every event it reports, with the time its line
 * reached the host, into an {@link EventLog} that {@link HostActions} write to as well. Ready when started:
 * {@link #start} returns once inotifywait printed "Watches established.". Closing ends the remote inotifywait.
 */
public final class GuestFileWatcher implements AutoCloseable {

    /** inotifywait prints this on stderr once every watch is in place. */
    public static final String READY_LINE = "Watches established.";

    /** The stream runs until closed; this only bounds a watcher someone forgot to close. */
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final GuestPath root;
    private final EventLog log;
    private final StreamingCommand command;

    private GuestFileWatcher(GuestPath root, EventLog log, StreamingCommand command) {
        this.root = root;
        this.log = log;
        this.command = command;
    }

    /**
     * Watches {@code root} recursively for every event; see {@link #start(GuestShell, GuestPath, EventLog,
     * WatchOptions)}.
     */
    public static GuestFileWatcher start(GuestShell shell, GuestPath root, EventLog log) {
        return start(shell, root, log, WatchOptions.defaults());
    }

    /**
     * Starts inotifywait in the guest and waits until its watches are established.
     *
     * @throws GuestShellException when it did not become ready within the options' timeout (inotifywait missing,
     *                             the path missing, too many watches); the message holds what it printed
     */
    public static GuestFileWatcher start(GuestShell shell, GuestPath root, EventLog log, WatchOptions options) {
        return start(shell, root, root, log, options);
    }

    /**
     * Watches {@code root} but names each event's path relative to {@code base}, a directory at or above it (such as
     * the mount root while watching one of its subdirectories), so the paths match {@link HostActions} rooted at
     * {@code base}. Otherwise as {@link #start(GuestShell, GuestPath, EventLog, WatchOptions)}.
     *
     * @throws IllegalArgumentException when {@code root} does not lie at or below {@code base}
     */
    public static GuestFileWatcher start(GuestShell shell, GuestPath root, GuestPath base, EventLog log,
            WatchOptions options) {
        Objects.requireNonNull(log, "log");
        if (!root.startsWith(base)) {
            throw new IllegalArgumentException("the watched directory " + root + " is not at or below " + base);
        }
        Command command = Command.of(argv(root, options).toArray(String[]::new)).timeout(LIFETIME);
        log.note("watcher starting: " + command);
        StreamingCommand stream = shell.stream(command, new Recorder(new InotifyLine(base.value()), log));
        try {
            stream.awaitLine(READY_LINE::equals, options.readyTimeout());
        } catch (RuntimeException e) {
            stream.close();
            throw new GuestShellException("inotifywait on " + root + " did not report \"" + READY_LINE + "\" within "
                    + options.readyTimeout().toMillis() + " ms\n" + Timeline.render(log), e);
        }
        return new GuestFileWatcher(root, log, stream);
    }

    static List<String> argv(GuestPath root, WatchOptions options) {
        List<String> argv = new ArrayList<>(List.of("inotifywait", "-m"));
        if (options.recursive()) {
            argv.add("-r");
        }
        argv.add("--format");
        argv.add(InotifyLine.FORMAT);
        options.only().stream().sorted().forEach(event -> {
            argv.add("-e");
            argv.add(event.name().toLowerCase(Locale.ROOT));
        });
        argv.add("--");
        argv.add(root.value());
        return argv;
    }

    public GuestPath root() {
        return root;
    }

    public EventLog log() {
        return log;
    }

    /** Whether the remote inotifywait still runs (it stops when the watched directory goes away). */
    public boolean isRunning() {
        return command.isRunning();
    }

    /** Ends the remote inotifywait. Idempotent. */
    @Override
    public void close() {
        if (command.isRunning()) {
            log.note("watcher closed");
        }
        command.close();
    }

    /** Turns output lines into log entries as they arrive (on the shell's I/O thread). */
    private record Recorder(InotifyLine parser, EventLog log) implements OutputListener {

        @Override
        public void stdoutLine(String line) {
            long at = log.now();
            try {
                parser.parse(line, at).ifPresentOrElse(log::record, () -> log.record(new LogNote(at, "inotifywait: "
                        + line)));
            } catch (IllegalArgumentException e) {
                log.record(new LogNote(at, "unreadable inotifywait line: " + line));
            }
        }

        @Override
        public void stderrLine(String line) {
            long at = log.now();
            log.record(new LogNote(at, line.equals(READY_LINE) ? "watches established" : "inotifywait: " + line));
        }
    }
}
