package dev.limajunit.assertions.error;

import java.util.Locale;

/** One side of a mount: where a change is made, a lock is held, or a view is taken. Shown as "host" or "guest". */
public enum Side {
    HOST, GUEST;

    /** The side across the mount. */
    public Side other() {
        return this == HOST ? GUEST : HOST;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
