package dev.limajunit.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.ssh.LocalSshShell;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher over a real SSH session to a real sshd on this host: the directory it watches is a host directory,
 * so inotifywait's events are real inotify events, raised by {@link HostActions} on the same directory.
 */
@ExtendWith(LocalSshShell.class)
class GuestFileWatcherIT {

    private static SshGuestShell shell;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect(SshGuestShell connected) {
        shell = connected;
    }

    @Test
    void recordsEachHostActionsEventsWithPathsRelativeToTheRoot() {
        EventLog log = new EventLog();
        HostActions host = new HostActions(dir, log);
        host.mkdir("sub");
        try (GuestFileWatcher watcher = GuestFileWatcher.start(shell, GuestPath.of(dir.toString()), log)) {
            // one step at a time: each action's events are in before the next, so every cause is unambiguous
            host.create("a b.txt", "one");
            awaitEvent(log, "a b.txt", InotifyEvent.CLOSE_WRITE);
            host.createNested("sub/grüße.txt", "x");
            awaitEvent(log, "sub/grüße.txt", InotifyEvent.CLOSE_WRITE);
            host.chmod("a b.txt", "600");
            awaitEvent(log, "a b.txt", InotifyEvent.ATTRIB);
            host.rename("a b.txt", "sub/moved.txt");
            awaitEvent(log, "sub/moved.txt", InotifyEvent.MOVED_TO);
            host.delete("sub/grüße.txt");
            awaitEvent(log, "sub/grüße.txt", InotifyEvent.DELETE);
            host.mkdir("sub/later");
            awaitEvent(log, "sub/later", InotifyEvent.CREATE);

            assertThat(names(log, "a b.txt")).startsWith("CREATE").contains("CLOSE_WRITE,CLOSE", "ATTRIB",
                    "MOVED_FROM");
            assertThat(names(log, "sub/later")).first().isEqualTo("CREATE,ISDIR");
            assertThat(names(log, "sub/grüße.txt")).contains("CREATE", "DELETE");
            assertThat(names(log, "sub/moved.txt")).containsExactly("MOVED_TO");
            GuestEvent created = log.eventsFor("a b.txt").get(0);
            assertThat(log.causeOf(created)).get().extracting(HostAction::kind).isEqualTo(HostAction.Kind.CREATE);
            assertThat(log.latencyOf(created)).get().matches(latency -> !latency.isNegative());
            assertThat(Timeline.render(log)).contains("note   watches established", "host   create a b.txt (3 bytes)",
                    "guest  CREATE a b.txt   [");
        }
    }

    @Test
    void aNonRecursiveWatchSeesNothingBelowTheRoot() {
        EventLog log = new EventLog();
        HostActions host = new HostActions(dir, log);
        host.mkdir("sub");
        try (GuestFileWatcher watcher = GuestFileWatcher.start(shell, GuestPath.of(dir.toString()), log,
                WatchOptions.defaults().recursive(false).only(InotifyEvent.CREATE))) {
            host.create("sub/deep.txt", "");
            host.create("top.txt", "");

            awaitEvent(log, "top.txt", InotifyEvent.CREATE);
            assertThat(log.eventsFor("sub/deep.txt")).isEmpty();
            assertThat(log.eventsFor("top.txt")).extracting(GuestEvent::names).containsExactly("CREATE");
        }
    }

    @Test
    void closeEndsTheRemoteInotifywait() {
        Path watched = dir.resolve("closing");
        new HostActions(dir, new EventLog()).mkdir("closing");
        GuestFileWatcher watcher = GuestFileWatcher.start(shell, GuestPath.of(watched.toString()), new EventLog());
        assertThat(shell.exec("pgrep", "-f", "inotifywait.*" + watched).succeeded()).isTrue();

        watcher.close();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !shell.exec("pgrep", "-f", "inotifywait.*" + watched).succeeded());
        assertThat(watcher.isRunning()).isFalse();
    }

    @Test
    void aWatcherThatCannotStartSaysWhatInotifywaitPrinted() {
        GuestPath missing = GuestPath.of(dir.resolve("missing").toString());

        assertThatThrownBy(() -> GuestFileWatcher.start(shell, missing, new EventLog(),
                WatchOptions.defaults().readyTimeout(Duration.ofSeconds(3))))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("inotifywait on " + missing
                        + " did not report \"Watches established.\" within 3000 ms")
                .hasMessageContaining("No such file or directory");
    }

    /** Waits for the event; on timeout fails with the timeline, which says what did arrive. */
    @Test
    void aWatchOnASubdirectoryCanNamePathsFromAnAncestor() {
        EventLog log = new EventLog();
        HostActions host = new HostActions(dir, log);
        host.mkdir("sub");
        GuestPath root = GuestPath.of(dir.toString());
        try (GuestFileWatcher watcher = GuestFileWatcher.start(shell, root.resolve("sub"), root, log,
                WatchOptions.defaults())) {
            var created = host.create("sub/x.txt", "x");
            awaitEvent(log, "sub/x.txt", InotifyEvent.CLOSE_WRITE);

            assertThat(watcher.root()).isEqualTo(root.resolve("sub"));
            assertThat(log.causeOf(log.eventsFor("sub/x.txt").get(0))).contains(created);
        }
        assertThatThrownBy(() -> GuestFileWatcher.start(shell, root, root.resolve("sub"), log, WatchOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the watched directory " + root + " is not at or below " + root.resolve("sub"));
    }

    private static void awaitEvent(EventLog log, String path, InotifyEvent event) {
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> log.eventsFor(path).stream().anyMatch(e -> e.is(event)));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + event + " for " + path + "\n" + Timeline.render(log, path), e);
        }
    }

    private static List<String> names(EventLog log, String path) {
        return log.eventsFor(path).stream().map(GuestEvent::names).toList();
    }
}
