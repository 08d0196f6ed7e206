package dev.limajunit.core.watch;

/**
 * One line of an {@link EventLog}: something the host did, something the guest watcher reported, or a note.
 * {@link #atNanos()} is on the log's clock ({@link System#nanoTime()} unless the log was given another), so
 * entries from different threads compare exactly.
 */
public sealed interface LogEntry permits HostAction, GuestEvent, LogNote {

    /** When it happened (for a host action: when it completed), on the log's clock. */
    long atNanos();

    /** The path it concerns, relative to the watched root ("" for the root itself, null when none). */
    String path();

    /** A short human description for timelines, e.g. {@code host append a.txt (6 bytes)}. */
    String describe();
}
