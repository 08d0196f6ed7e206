package dev.limajunit.core.engine.qemu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything one start has started so far (helpers, QEMU, sessions, files), so that a failure anywhere ends it all
 * again, last started first. Thread-safe: a restore opens the user's session on another thread.
 */
final class StartedParts {

    private final List<AutoCloseable> parts = Collections.synchronizedList(new ArrayList<>());

    void add(AutoCloseable part) {
        parts.add(part);
    }

    void remove(AutoCloseable part) {
        parts.remove(part);
    }

    /** Ends every part, last started first; a part that fails to end is added to {@code failure} as suppressed. */
    void endAllAfter(Exception failure) {
        List<AutoCloseable> reverse;
        synchronized (parts) {
            reverse = new ArrayList<>(parts);
        }
        Collections.reverse(reverse);
        try {
            QemuInstance.closeAll(reverse);
        } catch (RuntimeException cleanup) {
            failure.addSuppressed(cleanup);
        }
    }
}
