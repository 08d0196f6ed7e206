package dev.limajunit.assertions;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestFileWatcher;

/**
 * The entry point: {@code import static dev.limajunit.assertions.LimaAssertions.assertThat;} and state how a mount
 * behaves in one line. Works beside AssertJ's own {@code Assertions.assertThat} (the overloads do not clash).
 */
public final class LimaAssertions {

    private LimaAssertions() {
    }

    public static MountedDirectoryAssert assertThat(MountedDirectory actual) {
        return new MountedDirectoryAssert(actual);
    }

    public static ExecResultAssert assertThat(ExecResult actual) {
        return new ExecResultAssert(actual);
    }

    public static EventLogAssert assertThat(GuestFileWatcher actual) {
        return new EventLogAssert(actual == null ? null : actual.log(),
                actual == null ? "null" : "inotifywait on " + actual.root(),
                actual == null ? null : actual::isRunning);
    }

    public static EventLogAssert assertThat(EventLog actual) {
        return new EventLogAssert(actual, "event log");
    }
}
