package dev.limajunit.assertions;

/** The two kinds of advisory lock Linux programs take on a file. */
public enum LockKind {

    /** {@code flock(2)}, whole file: what {@code flock(1)}, npm and many tools use. */
    FLOCK("flock"),
    /** POSIX record locks, {@code fcntl(F_SETLK)}: what SQLite, Postgres and Java's {@code FileChannel.lock} use. */
    FCNTL("fcntl");

    private final String probeName;

    LockKind(String probeName) {
        this.probeName = probeName;
    }

    /** The name fsprobe's commands start with ({@code flock-hold}, {@code fcntl-try}). */
    String probeName() {
        return probeName;
    }
}
