package dev.limajunit.core.engine.qemu;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Lima's host agent's de-duplication ({@code filterEvents} in {@code pkg/hostagent/inotify.go}, v2.2.0), rule for
 * rule: an event is dropped when its file's mtime, in whole milliseconds, is less than 10 ms after the mtime last
 * forwarded for that path; so the same mtime again (a chmod, the guest's own touch coming back) and an mtime set
 * backwards are dropped too. A dropped event leaves the remembered mtime as it was. The memory is cleared whole once
 * it holds 10000 paths. Not thread-safe: the forwarder's one thread uses it, as Lima's one loop does.
 */
final class RepeatedEventFilter {

    static final long WINDOW_MILLIS = 10;
    static final int CAPACITY = 10_000;

    private Map<Path, Long> lastForwarded = new HashMap<>();

    /** Whether an event for {@code path} whose file now has {@code mtime} repeats one already forwarded. */
    boolean isRepeat(Path path, FileTime mtime) {
        long millis = mtime.toMillis();
        Long previous = lastForwarded.get(path);
        if (previous != null && millis - previous < WINDOW_MILLIS) {
            return true;
        }
        lastForwarded.put(path, millis);
        if (lastForwarded.size() >= CAPACITY) {
            lastForwarded = new HashMap<>();
        }
        return false;
    }
}
