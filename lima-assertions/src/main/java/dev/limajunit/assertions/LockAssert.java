package dev.limajunit.assertions;

import static dev.limajunit.assertions.error.ShouldSeeLock.unexpectedTry;

import dev.limajunit.assertions.error.ShouldSeeLock.TryResult;
import dev.limajunit.assertions.error.Side;
import dev.limajunit.assertions.probe.FsProbe;
import dev.limajunit.assertions.probe.ProbeSession;
import dev.limajunit.core.mount.MountedDirectory;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/**
 * Whether a lock held on one side of a mount is seen on the other (libfuse/sshfs#326: sshfs locks are local only):
 * one side takes the lock and holds it, the other tries it without blocking. Seen: the try is refused with
 * {@code EAGAIN} (or {@code EACCES}); not seen: the try gets the lock. Both sides run {@link FsProbe}, so the host
 * needs a C compiler once. Failure messages show what each side's call answered.
 *
 * <pre>{@code
 * assertThatLock(dir, "db.lock", LockKind.FCNTL).heldOnHost().isSeenInGuest();
 * assertThatLock(dir, "db.lock", LockKind.FLOCK).heldInGuest().isNotSeenOnHost();   // what 9p, virtiofs, sshfs do
 * }</pre>
 */
public class LockAssert extends AbstractAssert<LockAssert, MountedDirectory> {

    private static final Pattern REFUSED = Pattern.compile("err (EAGAIN|EACCES): .*");

    private final String path;
    private final LockKind kind;
    private Boolean heldOnHost;

    LockAssert(MountedDirectory dir, String path, LockKind kind) {
        super(dir, LockAssert.class);
        this.path = path;
        this.kind = kind;
    }

    /** The host takes and holds the lock (the file is created when missing). */
    public LockAssert heldOnHost() {
        heldOnHost = true;
        return myself;
    }

    /** A guest process takes and holds the lock (the file is created when missing). */
    public LockAssert heldInGuest() {
        heldOnHost = false;
        return myself;
    }

    /** The guest's try is refused while the host holds the lock. */
    public LockAssert isSeenInGuest() {
        return check(true, true);
    }

    /** The guest's try gets the lock although the host holds it. */
    public LockAssert isNotSeenInGuest() {
        return check(true, false);
    }

    /** The host's try is refused while a guest process holds the lock. */
    public LockAssert isSeenOnHost() {
        return check(false, true);
    }

    /** The host's try gets the lock although a guest process holds it. */
    public LockAssert isNotSeenOnHost() {
        return check(false, false);
    }

    private LockAssert check(boolean hostHolds, boolean seen) {
        isNotNull();
        if (heldOnHost == null || heldOnHost != hostHolds) {
            throw new IllegalStateException("say first where the lock is held: heldOnHost() before "
                    + "isSeenInGuest()/isNotSeenInGuest(), heldInGuest() before isSeenOnHost()/isNotSeenOnHost()");
        }
        String hold = kind.probeName() + "-hold";
        String attempt = kind.probeName() + "-try";
        Side holder = hostHolds ? Side.HOST : Side.GUEST;
        try (ProbeSession held = hostHolds ? FsProbe.startOnHost(hold, actual.host(path).toString())
                : FsProbe.startInGuest(actual.shell(), hold, actual.guest(path).value())) {
            if (!held.started().equals("ok held")) {
                throw new IllegalStateException("the " + holder + " could not take the " + kind.probeName()
                        + " lock on " + path + ": " + held.started());
            }
            String tried = hostHolds ? FsProbe.guest(actual.shell(), attempt, actual.guest(path).value())
                    : FsProbe.host(attempt, actual.host(path).toString());
            TryResult got = REFUSED.matcher(tried).matches() ? TryResult.REFUSED
                    : tried.equals("ok acquired") ? TryResult.ACQUIRED : TryResult.FAILED;
            if (got != (seen ? TryResult.REFUSED : TryResult.ACQUIRED)) {
                throwAssertionError(unexpectedTry(actual, path, kind, holder, seen, got, held.started(), tried));
            }
        }
        return myself;
    }
}
