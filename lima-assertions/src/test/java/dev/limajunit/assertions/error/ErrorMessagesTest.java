package dev.limajunit.assertions.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.assertions.FileView;
import dev.limajunit.assertions.HostChange;
import dev.limajunit.assertions.LockKind;
import dev.limajunit.assertions.error.ShouldBeOwnedOnHost.Creator;
import dev.limajunit.assertions.error.ShouldBeOwnedOnHost.Owner;
import dev.limajunit.core.shell.ExecResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;
import org.junit.jupiter.api.Test;

/** The exact text of every message factory, on fixed values: the wording the ITs and docs rely on. */
class ErrorMessagesTest {

    private static final Object MOUNT = new Object() {
        @Override
        public String toString() {
            return "9p /host/dir -> /mnt/rw (rw)";
        }
    };
    private static final FileView HOST_FILE = new FileView(true, null, FileView.Type.FILE, 3, 0644, 0, 0, 0,
            "abc".getBytes(StandardCharsets.UTF_8));
    private static final FileView GUEST_FILE = new FileView(true, null, FileView.Type.FILE, 1, 0644, 0, 0, 0,
            "a".getBytes(StandardCharsets.UTF_8));
    private static final ExecResult FAILED = new ExecResult("sh -c 'printf x > a.txt'", 1, new byte[0],
            "sh: a.txt: Read-only file system\n".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(12));
    private static final ExecResult WRITTEN = new ExecResult("x", 0, new byte[0], new byte[0], Duration.ZERO);

    private static String text(ErrorMessageFactory factory) {
        return factory.create(new TextDescription(""), StandardRepresentation.STANDARD_REPRESENTATION);
    }

    @Test
    void aMountReadWriteWhereItShouldBeReadOnly() {
        ErrorMessageFactory factory = ShouldBeMountedAs.mountedOtherwise(MOUNT, true,
                "host0 /mnt/rw 9p rw,sync 0 0");
        assertThat(text(factory)).isEqualTo("""

                Expecting mount
                  9p /host/dir -> /mnt/rw (rw)
                to be mounted read-only in the guest, but the guest's /proc/mounts shows:
                  host0 /mnt/rw 9p rw,sync 0 0""");
    }

    @Test
    void aMountMissing() {
        ErrorMessageFactory factory = ShouldBeMountedAs.notMounted(MOUNT, false, "/mnt/rw");
        assertThat(text(factory)).isEqualTo("""

                Expecting mount
                  9p /host/dir -> /mnt/rw (rw)
                to be mounted writable in the guest, but the guest's /proc/mounts has no entry at /mnt/rw""");
    }

    @Test
    void aFileOwnedByAnother() {
        ErrorMessageFactory factory = ShouldBeOwnedOnHost.ownedByAnother(MOUNT, "a.txt",
                new Creator(1000, "1000", null), 1000, new Owner("0", "0", "644"), new Owner("1000", "1000", "644"));
        assertThat(text(factory)).isEqualTo("""

                Expecting the file
                  a.txt
                created in the guest by uid 1000 gid 1000 (the guest shell) in
                  9p /host/dir -> /mnt/rw (rw)
                to be owned on the host by uid 1000, but it is not.
                host sees:
                  a.txt: uid 0, gid 0, mode 644
                guest sees:
                  a.txt: uid 1000, gid 1000, mode 644""");
    }

    @Test
    void aGuestWriteThatWentThrough() {
        ErrorMessageFactory factory = ShouldRefuseGuestWrite.writeSucceeded(MOUNT, "a.txt", WRITTEN, HOST_FILE);
        assertThat(text(factory)).isEqualTo("""

                Expecting the guest write to
                  a.txt
                in
                  9p /host/dir -> /mnt/rw (rw)
                to fail, but it succeeded (exit code 0)
                host sees:
                  a.txt: file, 3 bytes, mode 644, uid 0, gid 0, mtime 1970-01-01T00:00:00Z, listed, content "abc\"""");
    }

    @Test
    void aGuestWriteRefusedOtherwise() {
        ErrorMessageFactory factory = ShouldRefuseGuestWrite.refusedOtherwise(MOUNT, "a.txt", "Permission denied",
                FAILED);
        assertThat(text(factory)).isEqualTo("""

                Expecting the guest write to
                  a.txt
                in
                  9p /host/dir -> /mnt/rw (rw)
                to fail with an error containing
                  "Permission denied"
                but it failed with exit code 1 and:
                  sh: a.txt: Read-only file system""");
    }

    @Test
    void aGuestChangeThatFailed() {
        ErrorMessageFactory factory = ShouldRunGuestChange.shouldRunGuestChange(MOUNT,
                HostChange.append("a.txt", "x\n"), FAILED);
        assertThat(text(factory)).isEqualTo("""

                Expecting the guest to make the change
                  append "x\\n" to a.txt
                in
                  9p /host/dir -> /mnt/rw (rw)
                but the guest command failed with exit code 1:
                  sh -c 'printf x > a.txt'
                guest error:
                  sh: a.txt: Read-only file system""");
    }

    @Test
    void aGuestViewNeverMet() {
        ErrorMessageFactory factory = ShouldSeeInGuest.shouldSee(MOUNT, ShouldSeeInGuest.toFollowSymlink(), "link",
                Duration.ofSeconds(1), 1, GUEST_FILE, HOST_FILE);
        assertThat(text(factory)).isEqualTo("""

                Expecting the guest side of
                  9p /host/dir -> /mnt/rw (rw)
                to follow the symlink (show what it points to, no symlink) at
                  link
                within 1000 ms, but after 1 poll the guest sees:
                  link: file, 1 bytes, mode 644, uid 0, gid 0, mtime 1970-01-01T00:00:00Z, listed, content "a"
                host sees:
                  link: file, 3 bytes, mode 644, uid 0, gid 0, mtime 1970-01-01T00:00:00Z, listed, content "abc\"""");
    }

    @Test
    void aLockNotSeen() {
        ErrorMessageFactory factory = ShouldSeeLock.unexpectedTry(MOUNT, "db.lock", LockKind.FLOCK, Side.HOST, true,
                ShouldSeeLock.TryResult.ACQUIRED, "ok held", "ok acquired");
        assertThat(text(factory)).isEqualTo("""

                Expecting an flock lock held on the host on
                  db.lock
                in
                  9p /host/dir -> /mnt/rw (rw)
                to be seen by the guest (its non-blocking try refused), but the guest's try got the lock.
                host (holds): ok held
                guest (tries): ok acquired""");
    }

    @Test
    void aHostChangeNotShown() {
        ErrorMessageFactory factory = ShouldShowChange.shouldShow(Side.GUEST, MOUNT, HostChange.append("a.txt", "bc"),
                Duration.ofSeconds(1), new PollSummary(Duration.ofMillis(1042), 7),
                new ShouldShowChange.Comparison(List.of("a.txt"), List.of(HOST_FILE), List.of(GUEST_FILE),
                        List.of(List.of("size: expected 3 but was 1", "content: expected \"abc\" but was \"a\""))));
        assertThat(text(factory)).isEqualTo("""

                Expecting the guest side of
                  9p /host/dir -> /mnt/rw (rw)
                to show the host change
                  append "bc" to a.txt
                within 1000 ms, but after 1042 ms and 7 polls it still differed:
                  a.txt: size: expected 3 but was 1
                  a.txt: content: expected "abc" but was "a"
                host sees:
                  a.txt: file, 3 bytes, mode 644, uid 0, gid 0, mtime 1970-01-01T00:00:00Z, listed, content "abc"
                guest sees (last poll):
                  a.txt: file, 1 bytes, mode 644, uid 0, gid 0, mtime 1970-01-01T00:00:00Z, listed, content "a\"""");
    }

    @Test
    void aHostChangeShownTooSoon() {
        ErrorMessageFactory factory = ShouldShowChange.shouldNotShow(Side.GUEST, MOUNT,
                HostChange.append("a.txt", "bc"), Duration.ofSeconds(1), new PollSummary(Duration.ofMillis(120), 2),
                List.of("a.txt"), List.of(HOST_FILE));
        assertThat(text(factory)).isEqualTo("""

                Expecting the guest side of
                  9p /host/dir -> /mnt/rw (rw)
                not to show the host change
                  append "bc" to a.txt
                during 1000 ms, but it showed it 120 ms after the change (poll 2):
                  a.txt: file, 3 bytes, mode 644, uid 0, gid 0, mtime 1970-01-01T00:00:00Z, listed, content "abc\"""");
    }

    @Test
    void aStreamWithoutTheText() {
        ErrorMessageFactory factory = ShouldHaveExited.shouldContain(FAILED, ShouldHaveExited.Stream.STDERR,
                "Permission denied");
        assertThat(text(factory)).isEqualTo("""

                Expecting stderr of the guest command
                  sh -c 'printf x > a.txt'
                to contain
                  "Permission denied"
                but it did not (exit code 1)
                stdout:
                  (empty)
                stderr:
                  sh: a.txt: Read-only file system""");
    }

    @Test
    void theAssertsRepresentationShowsTheMountAndTheChange() {
        Representation brackets = new StandardRepresentation() {
            @Override
            public String toStringOf(Object object) {
                return "<" + object + ">";
            }
        };
        String text = ShouldRunGuestChange.shouldRunGuestChange(MOUNT, HostChange.append("a.txt", "x"), FAILED)
                .create(new TextDescription(""), brackets);

        assertThat(text).startsWith("\nExpecting the guest to make the change\n  <append \"x\" to a.txt>\nin\n"
                + "  <9p /host/dir -> /mnt/rw (rw)>\n");
    }

    @Test
    void theDescriptionPrefixesTheMessage() {
        String text = ShouldBeMountedAs.notMounted(MOUNT, false, "/mnt/rw")
                .create(new TextDescription("the rw mount"), null);

        assertThat(text).startsWith("[the rw mount] \nExpecting mount\n  9p /host/dir -> /mnt/rw (rw)\n");
    }
}
