package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time stamps across the boundary: sub-second mtimes each way, and a make-style "is the source newer than what the
 * guest built from it" after a host edit (boot2docker#784: host/guest time stamps that break make). The guest's times
 * are read with coreutils stat's {@code %.9Y} (seconds since the epoch with nanoseconds, as make compares them; busybox
 * stat prints whole seconds), and set with coreutils touch. Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class TimeIT {

    /** An mtime with every sub-second digit set, so that any truncation shows. */
    static final Instant PRECISE = Instant.parse("2021-05-06T07:08:09.123456789Z");

    static final String SECONDS = "sshfs speaks SFTP version 3, whose times are whole seconds";

    @BeforeEach
    void aTimeDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("time"));
    }

    @Test
    @Behaviour(id = "host-mtime-nanoseconds", title = "a host mtime reaches the guest to the nanosecond")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "but was: 1620284889.000000000", reason = SECONDS)
    void aHostMtimeReachesTheGuestToTheNanosecond(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("time/host-set.txt"), "t\n");
        Files.setLastModifiedTime(dir.host("time/host-set.txt"), FileTime.from(PRECISE));
        assertThat(guestMtime(dir, "time/host-set.txt")).as("guest mtime of a file the host set to %s", PRECISE)
                .isEqualTo(epoch(PRECISE));
    }

    @Test
    @Behaviour(id = "guest-mtime-nanoseconds", title = "a guest-set mtime reaches the host to the nanosecond")
    @KnownLimitation(mountTypes = NINEP, messageContains = "but was: 2021-05-06T07:08:09Z", reason = "QEMU's 9p "
            + "server sets the times a guest asks for in whole seconds (the host keeps .000000000)")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "but was: 2021-05-06T07:08:09Z", reason = SECONDS)
    void aGuestSetMtimeReachesTheHostToTheNanosecond(MountedDirectory dir) throws Exception {
        String guest = dir.guest("time/guest-set.txt").value();
        dir.shell().execChecked("sh", "-c", "echo t > \"$1\" && /usr/bin/touch -d @\"$2\" \"$1\"", "touch", guest,
                epoch(PRECISE).toPlainString());
        assertThat(Files.getLastModifiedTime(dir.host("time/guest-set.txt")).toInstant())
                .as("host mtime of a file the guest set to %s", PRECISE).isEqualTo(PRECISE);
    }

    @Test
    @Behaviour(id = "host-edit-newer-than-guest-output", title = "a host edit half a second after a guest build is "
            + "newer than its output (make)")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "guest mtime of main.c", reason = SECONDS + ": "
            + "an edit within the second of the build looks no newer, and make rebuilds nothing")
    void aHostEditHalfASecondAfterAGuestBuildIsNewerThanItsOutput(MountedDirectory dir) throws Exception {
        // Times are set, not waited for: the build at T.1 s and the edit at T.6 s, so the check is the same every run.
        // The guest first meets main.c after the edit, so no attribute cache holds an older view of it.
        long second = Instant.now().getEpochSecond();
        dir.shell().execChecked("sh", "-c", "echo built > \"$1\" && /usr/bin/touch -d @\"$2\" \"$1\"", "build",
                dir.guest("time/main.o").value(), second + ".1");
        Files.writeString(dir.host("time/main.c"), "int main(void) { return 1; }\n");
        Files.setLastModifiedTime(dir.host("time/main.c"), FileTime.from(Instant.ofEpochSecond(second, 600_000_000)));
        BigDecimal built = guestMtime(dir, "time/main.o");
        assertThat(guestMtime(dir, "time/main.c")).as("guest mtime of main.c, edited on the host at %d.6 (main.o "
                + "built at %d.1, the guest sees %s)", second, second, built).isGreaterThan(built);
    }

    /** The guest's mtime of a mount path as seconds with nine decimals. */
    private static BigDecimal guestMtime(MountedDirectory dir, String relative) {
        return new BigDecimal(dir.shell().execChecked("/usr/bin/stat", "-c", "%.9Y", dir.guest(relative).value())
                .stdoutText().strip());
    }

    private static BigDecimal epoch(Instant time) {
        return BigDecimal.valueOf(time.getEpochSecond()).add(BigDecimal.valueOf(time.getNano(), 9));
    }
}
