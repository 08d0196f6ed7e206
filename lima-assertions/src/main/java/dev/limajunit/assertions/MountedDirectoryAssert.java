package dev.limajunit.assertions;

import static dev.limajunit.assertions.error.ShouldBeMountedAs.mountedOtherwise;
import static dev.limajunit.assertions.error.ShouldBeMountedAs.notMounted;
import static dev.limajunit.assertions.error.ShouldRefuseGuestWrite.refusedOtherwise;
import static dev.limajunit.assertions.error.ShouldRefuseGuestWrite.writeSucceeded;
import static dev.limajunit.assertions.error.ShouldRunGuestChange.shouldRunGuestChange;
import static dev.limajunit.assertions.error.ShouldSeeInGuest.shouldSee;
import static dev.limajunit.assertions.error.ShouldShowChange.shouldNotShow;
import static dev.limajunit.assertions.error.ShouldShowChange.shouldShow;

import dev.limajunit.assertions.error.ShouldSeeInGuest;
import dev.limajunit.assertions.error.ShouldShowChange.Comparison;
import dev.limajunit.assertions.error.Side;

import dev.limajunit.assertions.FileView.Attribute;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.report.Measurements;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.HostActions;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on how a mount behaves, each made by acting on one side and watching the other: host changes shown
 * in the guest (or, to pin a caveat, not shown during a while), guest changes shown on the host, read-only
 * refusal, symlinks, ownership. Waits poll through Awaitility every {@link Waits#POLL_INTERVAL}; the latency
 * of the last successful wait is available from {@link #lastVisibility()}.
 */
public class MountedDirectoryAssert extends AbstractAssert<MountedDirectoryAssert, MountedDirectory> {

    /** How long the checks without a duration wait for the guest to see a path at all. */
    public static final Duration DEFAULT_WITHIN = Duration.ofSeconds(5);

    private HostActions host;
    private Set<Attribute> compared;
    private Visibility lastVisibility;
    private String lastGuestError;

    protected MountedDirectoryAssert(MountedDirectory actual) {
        super(actual, MountedDirectoryAssert.class);
        this.host = actual == null ? null : new HostActions(actual.hostPath(), new EventLog());
        this.compared = actual == null ? null : Fidelity.of(actual.type());
    }

    /**
     * Compares exactly these attributes in the {@code shows...} checks, instead of what the mount type carries
     * over (for WSL2 everything but the mode; else everything).
     */
    public MountedDirectoryAssert comparing(Attribute first, Attribute... more) {
        this.compared = EnumSet.of(first, more);
        return myself;
    }

    /** Leaves these attributes out of the {@code shows...} checks. */
    public MountedDirectoryAssert ignoring(Attribute first, Attribute... more) {
        isNotNull();
        EnumSet<Attribute> left = EnumSet.copyOf(compared);
        left.remove(first);
        Arrays.asList(more).forEach(left::remove);
        this.compared = left;
        return myself;
    }

    /** Records the host changes this assert makes into {@code log}, e.g. a guest watcher's, for one timeline. */
    public MountedDirectoryAssert usingLog(EventLog log) {
        isNotNull();
        this.host = new HostActions(actual.hostPath(), Objects.requireNonNull(log, "log"));
        return myself;
    }

    /** The host-side helper this assert acts through (its log holds every change it made). */
    public HostActions hostActions() {
        return host;
    }

    /**
     * The guest's kernel has the mount writable: its /proc/mounts line has {@code rw}. What the guest sees, not what
     * was declared; {@link #showsOnHost} shows a write going through.
     */
    public MountedDirectoryAssert isWritable() {
        return isMounted(false);
    }

    /**
     * The guest's kernel has the mount read-only: its /proc/mounts line has {@code ro}. What the guest sees, not
     * what was declared; {@link #refusesGuestWrite} shows a write refused.
     */
    public MountedDirectoryAssert isReadOnly() {
        return isMounted(true);
    }

    private MountedDirectoryAssert isMounted(boolean readOnly) {
        isNotNull();
        GuestMountOptions seen = GuestMountOptions.at(actual.shell(), actual.guestPath().value()).orElse(null);
        if (seen == null) {
            throwAssertionError(notMounted(actual, readOnly, actual.guestPath().value()));
        } else if (seen.readOnly() != readOnly) {
            throwAssertionError(mountedOtherwise(actual, readOnly, seen.line()));
        }
        return myself;
    }

    /**
     * Makes {@code change} on the host and waits until the guest sees at each of its paths what the host sees
     * there at that poll: listed or not, symlink, type, size, mode, mtime (seconds) and content, as far as the mount
     * type
     * carries them over.
     */
    public MountedDirectoryAssert showsInGuest(HostChange change, Duration within) {
        isNotNull();
        Poll<Sides> poll = applyAndPoll(change);
        awaitShown(change, poll, within, within);
        return myself;
    }

    /**
     * Makes {@code change} on the host and checks that the guest does not show it during {@code during}: at no poll
     * did the guest see all of it. Pins caching caveats, e.g. reverse-sshfs with {@code cache: true}.
     */
    public MountedDirectoryAssert doesNotShowInGuest(HostChange change, Duration during) {
        isNotNull();
        holdHidden(change, applyAndPoll(change), during);
        lastVisibility = null;
        return myself;
    }

    /**
     * Makes {@code change} on the host and checks that the guest does not show it during {@code staleFor} (as
     * {@link #doesNotShowInGuest}), then that it shows it within {@code within}, both counted from the change. Pins
     * how long a cache hides a change, and records that change's own latency (from the change to the first poll
     * that saw it).
     */
    public MountedDirectoryAssert showsInGuestOnlyAfter(HostChange change, Duration staleFor, Duration within) {
        isNotNull();
        Poll<Sides> poll = applyAndPoll(change);
        holdHidden(change, poll, staleFor);
        awaitShown(change, poll, within.minus(poll.elapsed()), within);
        return myself;
    }

    /** Makes the change on the host and starts polling both sides, timed from the change. */
    private Poll<Sides> applyAndPoll(HostChange change) {
        long start = System.nanoTime();
        change.applyTo(host);
        return new Poll<>(() -> sides(change.paths()), Sides::agree, start);
    }

    /** Fails at the first poll, during {@code during}, that saw the guest show all of the change. */
    private void holdHidden(HostChange change, Poll<Sides> poll, Duration during) {
        Waits.holdsDuring("guest does not show " + change, during, poll::notReached);
        if (poll.everReached()) {
            throwAssertionError(shouldNotShow(Side.GUEST, actual, change, during, poll.untilFirstHit(),
                    change.paths(), poll.firstHit().guest()));
        }
    }

    /**
     * Waits up to {@code wait} for the guest to show the change, failing with the last poll's sides and the whole
     * limit {@code within}; records the change's latency.
     */
    private void awaitShown(HostChange change, Poll<Sides> poll, Duration wait, Duration within) {
        if (!Waits.within("guest shows " + change, wait, poll::reached)) {
            Sides last = poll.last();
            throwAssertionError(shouldShow(Side.GUEST, actual, change, within, poll.summary(), new Comparison(
                    change.paths(), last.host(), last.guest(), differences(last.guest(), last.host(), compared))));
        }
        lastVisibility = poll.visibility();
        Measurements.record("host change visible in guest", lastVisibility.latency());
    }

    /**
     * Waits until the guest shows at {@code path} what the host shows there now (compared as {@link #showsInGuest}
     * does), changing nothing and recording no latency. Observes the state before a change, so that the change's
     * check starts from a guest that has looked: a delete "shows" in a guest that never saw the file, and an append
     * in one that never read it.
     */
    public MountedDirectoryAssert showsHostStateInGuest(String path, Duration within) {
        FileView hostView = HostView.of(actual.host(path));
        return guestSees(path, within, ShouldSeeInGuest.toShowHostState(), hostView,
                guest -> guest.differencesFrom(hostView, compared).isEmpty());
    }

    /**
     * Makes {@code change} in the guest and waits until the host sees at each of its paths what the guest sees
     * there. A failing guest command fails the assertion with the guest's error. The latency counts from the
     * moment the guest command returned.
     */
    public MountedDirectoryAssert showsOnHost(GuestChange change, Duration within) {
        isNotNull();
        ExecResult result = actual.shell().exec(change.command(actual));
        if (!result.succeeded()) {
            lastGuestError = result.stderrText();
            throwAssertionError(shouldRunGuestChange(actual, change, result));
        }
        long start = System.nanoTime();
        // The host is read at once, before the slower guest probe that says what agreement means, so a change that
        // is already there gets a tight latency.
        List<FileView> early = hostViews(change.paths());
        long earlyAt = System.nanoTime();
        List<FileView> expected = guestViews(change.paths());
        if (agree(early, expected, compared)) {
            lastVisibility = new Visibility(Duration.ofNanos(earlyAt - start), Duration.ZERO, 1);
            Measurements.record("guest change visible on host", lastVisibility.latency());
            return myself;
        }
        Poll<List<FileView>> poll = new Poll<>(() -> hostViews(change.paths()), views -> agree(views, expected,
                compared), start);
        if (!Waits.within("host shows " + change, within, poll::reached)) {
            throwAssertionError(shouldShow(Side.HOST, actual, change, within, poll.summary(), new Comparison(
                    change.paths(), expected, poll.last(), differences(poll.last(), expected, compared))));
        }
        lastVisibility = poll.visibility();
        Measurements.record("guest change visible on host", lastVisibility.latency());
        return myself;
    }

    /**
     * A guest write to {@code path} fails (the mount is read-only); the guest's error is kept in {@link
     * #lastGuestError()}.
     */
    public MountedDirectoryAssert refusesGuestWrite(String path) {
        return refusesGuestWrite(path, null);
    }

    /** A guest write to {@code path} fails with an error that contains {@code expectedError}. */
    public MountedDirectoryAssert refusesGuestWrite(String path, String expectedError) {
        isNotNull();
        GuestPath target = actual.guest(path);
        ExecResult result = actual.shell().exec(Command.of("sh", "-c", "printf lima-junit > \"$1\"", "write",
                target.value()));
        if (result.succeeded()) {
            throwAssertionError(writeSucceeded(actual, path, result, HostView.of(actual.host(path))));
        }
        lastGuestError = result.stderrText();
        if (expectedError != null && !lastGuestError.contains(expectedError)) {
            throwAssertionError(refusedOtherwise(actual, path, expectedError, result));
        }
        return myself;
    }

    /**
     * Within {@code within}, the guest sees at {@code path} (a symlink on the host) no symlink but what it points
     * to: the mount resolved it on the host side (reverse-sshfs with {@code followSymlinks: true}).
     */
    public MountedDirectoryAssert followsSymlink(String path, Duration within) {
        FileView hostView = HostView.of(actual.host(path));
        return guestSees(path, within, ShouldSeeInGuest.toFollowSymlink(), hostView,
                guest -> !guest.isSymlink() && guest.exists() && guest.type() == hostView.type()
                        && Arrays.equals(guest.content(), hostView.content()));
    }

    /** Within {@code within}, the guest sees at {@code path} a symlink with the same target the host link has. */
    public MountedDirectoryAssert doesNotFollowSymlink(String path, Duration within) {
        FileView hostView = HostView.of(actual.host(path));
        return guestSees(path, within, ShouldSeeInGuest.toShowSymlink(hostView.linkTarget()), hostView,
                guest -> Objects.equals(guest.linkTarget(), hostView.linkTarget()));
    }

    /** The guest sees {@code path} owned by {@code uid}:{@code gid} (waits up to {@link #DEFAULT_WITHIN} for it). */
    public MountedDirectoryAssert hasGuestOwner(String path, int uid, int gid) {
        return guestSees(path, DEFAULT_WITHIN, ShouldSeeInGuest.toSeeOwner(uid, gid),
                HostView.of(actual.host(path)), guest -> guest.exists() && guest.uid() == uid && guest.gid() == gid);
    }

    /** The latency of the last successful {@code shows...} check. */
    public Visibility lastVisibility() {
        if (lastVisibility == null) {
            throw new IllegalStateException("no shows... check has succeeded on this assert yet");
        }
        return lastVisibility;
    }

    /** What the guest printed on stderr when its last write or change failed. */
    public String lastGuestError() {
        return lastGuestError;
    }

    private MountedDirectoryAssert guestSees(String path, Duration within, String expectation, FileView hostView,
            Predicate<FileView> goal) {
        isNotNull();
        GuestPath target = actual.guest(path);
        Poll<FileView> poll = new Poll<>(() -> GuestProbe.view(actual.shell(), target), goal, System.nanoTime());
        if (!Waits.within("guest " + expectation + " " + path, within, poll::reached)) {
            throwAssertionError(shouldSee(actual, expectation, path, within, poll.polls(), poll.last(), hostView));
        }
        lastVisibility = poll.visibility();
        return myself;
    }

    /**
     * Both sides at one poll. The host is read again each time: after the change, someone else may legitimately
     * change it further (mountInotify's forwarder sets the file's times through the mount), and "shows" means the
     * guest agrees with the host as it is.
     */
    private Sides sides(List<String> paths) {
        List<FileView> guest = guestViews(paths);
        return new Sides(hostViews(paths), guest, compared);
    }

    /** The host's and the guest's views of the same paths at one poll. */
    private record Sides(List<FileView> host, List<FileView> guest, Set<Attribute> compared) {
        boolean agree() {
            return MountedDirectoryAssert.agree(guest, host, compared);
        }
    }

    private List<FileView> hostViews(List<String> paths) {
        return paths.stream().map(path -> HostView.of(actual.host(path))).toList();
    }

    private List<FileView> guestViews(List<String> paths) {
        return GuestProbe.views(actual.shell(), paths.stream().map(actual::guest).toList());
    }

    private static boolean agree(List<FileView> actual, List<FileView> expected, Set<Attribute> compared) {
        return differences(actual, expected, compared).stream().allMatch(List::isEmpty);
    }

    private static List<List<String>> differences(List<FileView> actual, List<FileView> expected,
            Set<Attribute> compared) {
        return IntStream.range(0, expected.size())
                .mapToObj(i -> actual.get(i).differencesFrom(expected.get(i), compared)).toList();
    }
}
