package dev.limajunit.core.watch;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link GuestFileWatcher} watches.
 *
 * @param recursive    {@code -r}: also every directory below the root, including ones created later
 * @param only         the events to ask for ({@code -e}); empty for all of them
 * @param readyTimeout how long to wait for "Watches established." (setting up a recursive watch walks the tree,
 *                     slow on a big mount under TCG)
 */
public record WatchOptions(boolean recursive, Set<InotifyEvent> only, Duration readyTimeout) {

    public WatchOptions {
        only = Set.copyOf(only);
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive, got " + readyTimeout);
        }
    }

    /** Recursive, every event, 30 s to become ready. */
    public static WatchOptions defaults() {
        return new WatchOptions(true, Set.of(), Duration.ofSeconds(30));
    }

    public WatchOptions recursive(boolean value) {
        return new WatchOptions(value, only, readyTimeout);
    }

    public WatchOptions only(InotifyEvent first, InotifyEvent... more) {
        return new WatchOptions(recursive, EnumSet.of(first, more), readyTimeout);
    }

    public WatchOptions readyTimeout(Duration value) {
        return new WatchOptions(recursive, only, value);
    }
}
