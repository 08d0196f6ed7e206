package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sizes and names at the edges: a file past 2 GiB (sparse: nothing but its last bytes is written), a 255-byte name,
 * a path of 40 levels, a directory of 10 000 entries, and names that differ only in case (docker/for-mac#7218 on
 * case-insensitive macOS hosts; on Linux they must stay two files). Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class SizesAndNamesIT {

    /** 3 GiB: past the 2 GiB where a signed 32-bit offset ends. */
    static final long BIG = 3L << 30;

    @BeforeEach
    void aDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("sizes"));
    }

    @Test
    @Behaviour(id = "guest-file-over-2gib", title = "a sparse 3 GiB file written in the guest has its size and tail "
            + "on the host, and stays sparse")
    void aSparseFileOver2GibWrittenInTheGuest(MountedDirectory dir) throws Exception {
        // dd seeks past 3 GiB and writes 4 bytes there: the file is a hole and a tail.
        dir.shell().execChecked(Command.of("sh", "-c", "printf TAIL | dd of=\"$1\" bs=1 seek=" + BIG + " 2>/dev/null",
                "dd", dir.guest("sizes/guest-big.img").value()).timeout(Duration.ofMinutes(2)));
        Path file = dir.host("sizes/guest-big.img");
        assertThat(Files.size(file)).as("host size").isEqualTo(BIG + 4);
        assertThat(tail(file)).as("the host's last 4 bytes").isEqualTo("TAIL");
        assertThat(allocatedBytes(file)).as("bytes the host allocated for it (sparse: a few KiB)")
                .isLessThan(1L << 20);
    }

    @Test
    @Behaviour(id = "host-file-over-2gib", title = "a sparse 3 GiB host file has its size and tail in the guest")
    void aSparseFileOver2GibWrittenOnTheHost(MountedDirectory dir) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(dir.host("sizes/host-big.img").toFile(), "rw")) {
            file.seek(BIG);
            file.write("TAIL".getBytes(StandardCharsets.US_ASCII));
        }
        String guest = dir.guest("sizes/host-big.img").value();
        assertThat(dir.shell().execChecked("stat", "-c", "%s", guest).stdoutText().strip()).as("guest size")
                .isEqualTo(String.valueOf(BIG + 4));
        assertThat(dir.shell().execChecked(Command.of("tail", "-c", "4", guest).timeout(Duration.ofMinutes(2)))
                .stdoutText()).as("the guest's last 4 bytes").isEqualTo("TAIL");
    }

    @Test
    @Behaviour(id = "name-255-bytes", title = "255-byte names round-trip both ways")
    void namesOf255BytesRoundTrip(MountedDirectory dir) throws Exception {
        String fromHost = "h".repeat(251) + ".txt";
        String fromGuest = "g".repeat(251) + ".txt";
        Files.writeString(dir.host("sizes/" + fromHost), "host\n");
        dir.shell().execChecked("sh", "-c", "echo guest > \"$1\"", "create", dir.guest("sizes/" + fromGuest).value());
        assertThat(dir.shell().execChecked("cat", dir.guest("sizes/" + fromHost).value()).stdoutText())
                .as("the guest reading the host's 255-byte name").isEqualTo("host\n");
        assertThat(Files.readString(dir.host("sizes/" + fromGuest))).as("the host reading the guest's 255-byte name")
                .isEqualTo("guest\n");
    }

    @Test
    @Behaviour(id = "deep-path", title = "a path 40 directories deep (over 1 000 bytes) round-trips both ways")
    void aDeepPathRoundTrips(MountedDirectory dir) throws Exception {
        String deep = "sizes/" + String.join("/", Stream.generate(() -> "level-of-a-deep-tree-0123456").limit(40)
                .toList());
        dir.shell().execChecked("sh", "-c", "mkdir -p \"$1\" && echo guest > \"$1/from-guest.txt\"", "deep",
                dir.guest(deep).value());
        assertThat(Files.readString(dir.host(deep + "/from-guest.txt"))).as("host reading %d bytes deep", deep.length())
                .isEqualTo("guest\n");
        Files.writeString(dir.host(deep + "/from-host.txt"), "host\n");
        assertThat(dir.shell().execChecked("cat", dir.guest(deep + "/from-host.txt").value()).stdoutText())
                .as("guest reading %d bytes deep", deep.length()).isEqualTo("host\n");
    }

    @Test
    @Behaviour(id = "directory-10000-entries", title = "a host directory of 10 000 entries lists whole in the guest "
            + "(readdir)")
    void aHostDirectoryOf10000EntriesListsWholeInTheGuest(MountedDirectory dir) throws Exception {
        Path many = Files.createDirectories(dir.host("sizes/many"));
        for (int i = 0; i < 10_000; i++) {
            Files.createFile(many.resolve(String.format("entry-%05d", i)));
        }
        // A shell glob reads the directory and stats nothing: busybox ls stats every entry, which takes minutes
        // through 9p and sshfs under TCG (the benchmark's walk-stat measures that).
        String listing = dir.shell().execChecked(Command.shell("cd \"$D\" && set -- * && echo $# && eval echo \\${$#}")
                .env("D", dir.guest("sizes/many").value()).timeout(Duration.ofMinutes(2))).stdoutText();
        assertThat(listing.strip().split("\n")).as("the guest's count and last name").containsExactly("10000",
                "entry-09999");
    }

    @Test
    @Behaviour(id = "names-differing-in-case", title = "names that differ only in case stay two files, both ways")
    void namesThatDifferOnlyInCaseStayTwoFiles(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("sizes/readme.md"), "lower\n");
        Files.writeString(dir.host("sizes/README.md"), "UPPER\n");
        assertThat(dir.shell().execChecked("cat", dir.guest("sizes/readme.md").value(),
                dir.guest("sizes/README.md").value()).stdoutText()).as("the guest reading both host names")
                .isEqualTo("lower\nUPPER\n");
        dir.shell().execChecked("sh", "-c", "echo lower > \"$1/makefile\"; echo UPPER > \"$1/Makefile\"", "create",
                dir.guest("sizes").value());
        assertThat(Files.readString(dir.host("sizes/makefile")) + Files.readString(dir.host("sizes/Makefile")))
                .as("the host reading both guest names").isEqualTo("lower\nUPPER\n");
    }

    private static String tail(Path file) throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] last = new byte[4];
            raf.seek(raf.length() - 4);
            raf.readFully(last);
            return new String(last, StandardCharsets.US_ASCII);
        }
    }

    /** What the host's file system allocated, by coreutils stat (Java has no portable view of it). */
    private static long allocatedBytes(Path file) throws Exception {
        Process stat = new ProcessBuilder("stat", "-c", "%b %B", file.toString()).redirectErrorStream(true).start();
        String[] out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
        stat.waitFor();
        return Long.parseLong(out[0]) * Long.parseLong(out[1]);
    }
}
