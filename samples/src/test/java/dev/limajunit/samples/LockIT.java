package dev.limajunit.samples;

import static dev.limajunit.assertions.BoundaryAssertions.assertThatLock;
import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.assertions.LockKind;
import dev.limajunit.assertions.probe.FsProbe;
import dev.limajunit.assertions.probe.ProbeSession;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Locks across the boundary: an {@code flock} or POSIX {@code fcntl} lock held on one side, tried on the other
 * ({@code assertThatLock}; libfuse/sshfs#326: sshfs locks are local only), and two guest processes on the same file.
 * Every try is non-blocking: a lock seen is {@code EAGAIN} (or {@code EACCES}, which fcntl may answer instead), a
 * lock not seen is the try succeeding. Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class LockIT {

    /** What a non-blocking try answers when another holder's lock is seen. */
    static final String SEEN = "err (EAGAIN|EACCES): .*";

    /** Why no lock crosses the boundary on any type (found by running them all). */
    static final String REASON = "locks stay on their own side: the guest kernel keeps them local (QEMU's 9p server "
            + "grants every lock, virtiofsd forwards none by default, SFTP has no locks: libfuse/sshfs#326)";

    /** How long ending the holder may take to drop its lock (a guest process ends over SSH). */
    static final Duration RELEASED = Duration.ofSeconds(15);

    @BeforeEach
    void aLockDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("locks"));
    }

    @Test
    @Behaviour(id = "flock-guest-blocks-host", title = "an flock held in the guest is seen by the host")
    @KnownLimitation(mountTypes = {NINEP, VIRTIOFS, REVERSE_SSHFS}, messageContains = "try got the lock",
            reason = REASON)
    void anFlockHeldInTheGuestIsSeenByTheHost(MountedDirectory dir) {
        guestHoldsHostTries(dir, LockKind.FLOCK, "locks/guest-flock");
    }

    @Test
    @Behaviour(id = "flock-host-blocks-guest", title = "an flock held on the host is seen by the guest")
    @KnownLimitation(mountTypes = {NINEP, VIRTIOFS, REVERSE_SSHFS}, messageContains = "try got the lock",
            reason = REASON)
    void anFlockHeldOnTheHostIsSeenByTheGuest(MountedDirectory dir) {
        hostHoldsGuestTries(dir, LockKind.FLOCK, "locks/host-flock");
    }

    @Test
    @Behaviour(id = "fcntl-guest-blocks-host", title = "a POSIX (fcntl) lock held in the guest is seen by the host")
    @KnownLimitation(mountTypes = {NINEP, VIRTIOFS, REVERSE_SSHFS}, messageContains = "try got the lock",
            reason = REASON)
    void anFcntlLockHeldInTheGuestIsSeenByTheHost(MountedDirectory dir) {
        guestHoldsHostTries(dir, LockKind.FCNTL, "locks/guest-fcntl");
    }

    @Test
    @Behaviour(id = "fcntl-host-blocks-guest", title = "a POSIX (fcntl) lock held on the host is seen by the guest")
    @KnownLimitation(mountTypes = {NINEP, VIRTIOFS, REVERSE_SSHFS}, messageContains = "try got the lock",
            reason = REASON)
    void anFcntlLockHeldOnTheHostIsSeenByTheGuest(MountedDirectory dir) {
        hostHoldsGuestTries(dir, LockKind.FCNTL, "locks/host-fcntl");
    }

    @Test
    @Behaviour(id = "flock-two-guest-processes", title = "an flock held by one guest process blocks another")
    void anFlockHeldByOneGuestProcessBlocksAnother(MountedDirectory dir) {
        guestHoldsGuestTries(dir, "flock", "locks/guest-guest-flock");
    }

    @Test
    @Behaviour(id = "fcntl-two-guest-processes", title = "an fcntl lock held by one guest process blocks another")
    void anFcntlLockHeldByOneGuestProcessBlocksAnother(MountedDirectory dir) {
        guestHoldsGuestTries(dir, "fcntl", "locks/guest-guest-fcntl");
    }

    private static void guestHoldsHostTries(MountedDirectory dir, LockKind kind, String file) {
        assertThatLock(dir, file, kind).heldInGuest().isSeenOnHost();
        // Released, the host gets it: a refusal would be the guest's lock, not a host that cannot lock at all.
        await("the host's " + kind + " try once the guest let go").pollInSameThread().atMost(RELEASED)
                .until(() -> FsProbe.host(probe(kind, "-try"), dir.host(file).toString()).equals("ok acquired"));
    }

    private static void hostHoldsGuestTries(MountedDirectory dir, LockKind kind, String file) {
        assertThatLock(dir, file, kind).heldOnHost().isSeenInGuest();
        await("the guest's " + kind + " try once the host let go")
                .pollInSameThread().atMost(RELEASED).until(() -> FsProbe.guest(
                dir.shell(), probe(kind, "-try"), dir.guest(file).value()).equals("ok acquired"));
    }

    private static String probe(LockKind kind, String suffix) {
        return kind.name().toLowerCase(Locale.ROOT) + suffix;
    }

    private static void guestHoldsGuestTries(MountedDirectory dir, String kind, String file) {
        try (ProbeSession held = FsProbe.startInGuest(dir.shell(), kind + "-hold", dir.guest(file).value())) {
            assertThat(held.started()).as("the first guest process takes the %s lock", kind).isEqualTo("ok held");
            assertThat(FsProbe.guest(dir.shell(), kind + "-try", dir.guest(file).value()))
                    .as("a second guest process's try on %s", file).matches(SEEN);
        }
    }
}
