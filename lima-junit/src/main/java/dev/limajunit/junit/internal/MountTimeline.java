package dev.limajunit.junit.internal;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.core.watch.Timeline;
import dev.limajunit.junit.Watch;
import java.util.Optional;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * One test's timeline on one mount: the {@link EventLog} its {@link HostActions} (rooted at the mount's host
 * directory) and its {@link GuestFileWatcher} both write to, so a failure shows host actions and guest events in
 * one order. The watcher starts when first asked for and stops when the test ends.
 */
final class MountTimeline {

    private final MountedDirectory mount;
    private final EventLog log = new EventLog();
    private final HostActions host;
    private GuestFileWatcher watcher;
    private WatchRequest watching;
    private String startedBy;

    MountTimeline(MountedDirectory mount) {
        this.mount = mount;
        this.host = new HostActions(mount.hostPath(), log);
    }

    EventLog log() {
        return log;
    }

    HostActions host() {
        return host;
    }

    /**
     * The test's watcher on this mount, started (and ready) on first use.
     *
     * @param asked what the parameter's {@link Watch} asks for; empty: whatever watcher the test has, else the default
     * @param who   the parameter, for messages
     */
    synchronized GuestFileWatcher watcher(Optional<WatchRequest> asked, String who) {
        if (watcher == null) {
            WatchRequest request = asked.orElse(WatchRequest.DEFAULT);
            GuestPath root = mount.guestPath();
            GuestPath watched = request.path().isEmpty() ? root : root.resolve(request.path());
            watcher = GuestFileWatcher.start(mount.shell(), watched, root, log, request.options());
            watching = request;
            startedBy = who;
        } else if (asked.isPresent() && !asked.get().equals(watching)) {
            throw new ParameterResolutionException(who + " asks for " + asked.get().describe() + ", but this test's"
                    + " watcher on " + mount.guestPath() + " was started by " + startedBy + " with "
                    + watching.describe() + "; a test has one watcher per mount: declare @Watch once, on the parameter"
                    + " that starts it (usually the @BeforeEach one)");
        }
        return watcher;
    }

    String render() {
        return "timeline of " + mount.guestPath() + " (host " + mount.hostPath() + ")\n" + Timeline.render(log);
    }

    /** Stops the watcher, if one was started. Idempotent. */
    synchronized void close() {
        if (watcher != null) {
            watcher.close();
        }
    }
}
