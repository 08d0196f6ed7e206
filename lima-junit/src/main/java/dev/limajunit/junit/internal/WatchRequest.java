package dev.limajunit.junit.internal;

import dev.limajunit.core.watch.InotifyEvent;
import dev.limajunit.core.watch.WatchOptions;
import dev.limajunit.junit.Watch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link Watch} read and checked: the directory to watch (relative to the mount root, {@code ""} for the root)
 * and how.
 */
record WatchRequest(String path, WatchOptions options) {

    /** What a watcher parameter without {@link Watch} gets: the whole mount, recursively, every event. */
    static final WatchRequest DEFAULT = new WatchRequest("", WatchOptions.defaults());

    /** inotifywait prints these but cannot be asked for them with {@code -e}. */
    private static final Set<InotifyEvent> NOT_WATCHABLE =
            EnumSet.of(InotifyEvent.ISDIR, InotifyEvent.IGNORED, InotifyEvent.Q_OVERFLOW);

    /** @throws IllegalArgumentException naming every attribute that breaks a rule, its value and the rule */
    static WatchRequest of(Watch watch) {
        List<String> problems = new ArrayList<>();
        String path = normalize(watch.path());
        if (watch.path().startsWith("/")) {
            problems.add("@Watch(path = \"" + watch.path() + "\"): is absolute; name a directory relative to the mount"
                    + " root (\"\" for the root)");
        } else if (Arrays.asList(path.split("/")).contains("..")) {
            problems.add("@Watch(path = \"" + watch.path() + "\"): climbs out of the mount with \"..\"; name a"
                    + " directory inside it");
        }
        Set<InotifyEvent> events = EnumSet.noneOf(InotifyEvent.class);
        for (InotifyEvent event : watch.events()) {
            if (NOT_WATCHABLE.contains(event)) {
                problems.add("@Watch(events = " + event + "): inotifywait reports it but cannot watch for it; ask for"
                        + " the events that carry it instead (e.g. CREATE, DELETE)");
            }
            events.add(event);
        }
        Duration readyTimeout = WatchOptions.defaults().readyTimeout();
        if (!watch.readyTimeout().isBlank()) {
            try {
                readyTimeout = Durations.parse(watch.readyTimeout());
                if (readyTimeout.isZero() || readyTimeout.isNegative()) {
                    problems.add("@Watch(readyTimeout = \"" + watch.readyTimeout() + "\"): must be positive");
                }
            } catch (IllegalArgumentException e) {
                problems.add("@Watch(readyTimeout = \"" + watch.readyTimeout() + "\"): " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new WatchRequest(path, new WatchOptions(watch.recursive(), events, readyTimeout));
    }

    /** How the request reads in messages, as the annotation a user would write. */
    String describe() {
        if (equals(DEFAULT)) {
            return "the default watch (the mount root, recursive, every event)";
        }
        return "@Watch(path = \"" + path + "\", recursive = " + options.recursive() + ", events = "
                + options.only().stream().sorted().map(Enum::name).collect(Collectors.joining(", ", "{", "}"))
                + ", readyTimeout = \"" + options.readyTimeout().toMillis() + "ms\")";
    }

    /** Drops "." segments and redundant slashes, so {@code "src/"} and {@code "./src"} are the same watch. */
    private static String normalize(String raw) {
        return Arrays.stream(raw.split("/")).filter(p -> !p.isEmpty() && !p.equals("."))
                .collect(Collectors.joining("/"));
    }
}
