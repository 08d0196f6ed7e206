package dev.limajunit.core.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builtin sftpDriver's server against a real SFTP client (OpenSSH's {@code sftp -D}, speaking the protocol over
 * stdin/stdout as the guest's sshfs does) playing a compromised sshfs: it names absolute paths, climbs with
 * {@code ..} and follows symlinks that point out. Only the mount's location is reachable.
 */
class ConfinedSftpServerIT {

    @TempDir
    Path tmp;

    private Path location;
    private Path outside;
    private Path secret;
    private Path client;

    @BeforeEach
    void layout() throws IOException {
        assumeThat(Path.of("/usr/bin/sftp")).as("OpenSSH's sftp client (Debian package openssh-client)").isExecutable();
        client = Files.createDirectories(tmp.resolve("client"));
        location = Files.createDirectories(tmp.resolve("location"));
        Files.writeString(location.resolve("inside.txt"), "inside\n");
        outside = Files.createDirectories(tmp.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "SECRET\n");
        Files.createSymbolicLink(location.resolve("dir-out"), outside);
        Files.createSymbolicLink(location.resolve("file-out"), secret);
        Files.createSymbolicLink(location.resolve("relative-out"), Path.of("../outside/secret.txt"));
    }

    @Test
    void aFileInsideIsServed() throws Exception {
        Sftp get = sftp(false, "get " + location.resolve("inside.txt") + " " + tmp.resolve("got.txt"));

        assertThat(get.exit()).as(get.output()).isZero();
        assertThat(tmp.resolve("got.txt")).hasContent("inside");
    }

    @Test
    void noPathLeadsOutOfTheLocation() throws Exception {
        for (String escape : List.of(secret.toString(), "../outside/secret.txt",
                location + "/../outside/secret.txt", "/etc/passwd", "dir-out/secret.txt", location
                        + "/dir-out/secret.txt",
                "file-out", "relative-out")) {
            Path target = tmp.resolve("stolen");
            Sftp get = sftp(false, "get " + escape + " " + target);

            assertThat(get.exit()).as("get %s: %s", escape, get.output()).isNotZero();
            assertThat(target).as("get %s", escape).doesNotExist();
        }
    }

    @Test
    void aListingOfTheHostRootIsRefused() throws Exception {
        Sftp ls = sftp(false, "ls /");

        assertThat(ls.exit()).isNotZero();
        assertThat(ls.output()).doesNotContain("etc").doesNotContain("usr");
    }

    @Test
    void aReadOnlyMountRefusesEveryChange() throws Exception {
        Path upload = Files.writeString(tmp.resolve("upload.txt"), "new");
        Files.setPosixFilePermissions(location.resolve("inside.txt"), PosixFilePermissions.fromString("rw-r--r--"));
        for (String change : List.of("put " + upload + " " + location.resolve("new.txt"), "rm "
                + location.resolve("inside.txt"),
                "mkdir " + location.resolve("dir"), "rename " + location.resolve("inside.txt") + " "
                        + location.resolve("moved"),
                "chmod 777 " + location.resolve("inside.txt"), "symlink /etc " + location.resolve("etc-link"),
                "rm " + location.resolve("file-out"),
                "rename " + location.resolve("dir-out") + " " + location.resolve("moved"))) {
            Sftp sftp = sftp(true, change);

            assertThat(sftp.exit()).as("%s: %s", change, sftp.output()).isNotZero();
        }
        assertThat(location).isDirectoryNotContaining(p -> !List.of("inside.txt", "dir-out", "file-out", "relative-out")
                .contains(p.getFileName().toString()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(location.resolve("inside.txt"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void aWritableMountTakesChangesInside() throws Exception {
        Path upload = Files.writeString(tmp.resolve("upload.txt"), "new");

        Sftp put = sftp(false, "put " + upload + " " + location.resolve("new.txt"));

        assertThat(put.exit()).as(put.output()).isZero();
        assertThat(location.resolve("new.txt")).hasContent("new");
        assertThat(sftp(false, "put " + upload + " " + tmp.resolve("outside/planted.txt")).exit()).isNotZero();
        assertThat(tmp.resolve("outside/planted.txt")).doesNotExist();
    }

    @Test
    void aListingShowsALinkThatPointsOutAsTheLinkNeverItsTarget() throws Exception {
        Path big = Files.write(outside.resolve("big.bin"), new byte[TARGET_SIZE]);
        Files.setLastModifiedTime(big, FileTime.from(TARGET_TIME));
        Files.createSymbolicLink(location.resolve("big-out"), big);
        // the location's parent, which a listing names "..": the root must answer for it, as in a chroot
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x---"));
        Files.setLastModifiedTime(tmp, FileTime.from(TARGET_TIME));

        Sftp ls = sftp(false, "ls -la " + location, "ls -l " + location.resolve("big-out"));

        assertThat(ls.exit()).as(ls.output()).isZero();
        assertThat(ls.output()).doesNotContain(String.valueOf(TARGET_SIZE)).doesNotContain("2001")
                .doesNotContain("rwx--x---")
                .containsPattern("(?m)^lrwxrwxrwx .* " + big.toString().length() + " \\S+ +\\S+ +\\S+ big-out$")
                .containsPattern("(?m)^lrwxrwxrwx .* " + big.toString().length() + " \\S+ +\\S+ +\\S+ "
                        + Pattern.quote(location.resolve("big-out").toString()) + "$");
        assertThat(line(ls.output(), " ..")).isEqualTo(line(ls.output(), " .") + ".");
    }

    @Test
    void requestsAboutPathsOutsideAnswerAlikeWhetherTheyExistOrNot() throws Exception {
        // link texts of equal length and links of equal times, so their own attributes match too
        Files.createSymbolicLink(location.resolve("probe-present"), secret);
        Files.createSymbolicLink(location.resolve("probe-missing"), outside.resolve("secret.txX"));
        for (String link : List.of("probe-present", "probe-missing")) {
            Files.getFileAttributeView(location.resolve(link), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(FileTime.from(TARGET_TIME), null, null);
        }
        List<List<String>> pairs = List.of(
                List.of("/etc/passwd", "/etc/passwX"),
                List.of(secret.toString(), outside.resolve("secret.txX").toString()),
                List.of(location + "/../outside/secret.txt", location + "/../outside/secret.txX"),
                List.of("../outside/secret.txt", "../outside/secret.txX"),
                List.of(location.resolve("probe-present").toString(), location.resolve("probe-missing").toString()),
                List.of(location + "/probe-present/", location + "/probe-missing/"));
        for (List<String> pair : pairs) {
            String[] asked = new String[2];
            for (int i = 0; i < 2; i++) {
                String path = pair.get(i);
                Sftp sftp = sftp(false, "-ls -l " + path, "-ls -la " + path + "/", "-cd " + path, "-get " + path + " "
                        + tmp.resolve("got"), "-ls -l " + path + "/x");
                assertThat(tmp.resolve("got")).as(sftp.output()).doesNotExist();
                asked[i] = sftp.output().replace(path, "PATH").replace("probe-present", "probe-PATH")
                        .replace("probe-missing", "probe-PATH");
            }
            assertThat(asked[1]).as("%s against %s", pair.get(1), pair.get(0)).isEqualTo(asked[0]);
        }
    }

    @Test
    void aLinkThatPointsOutCanBeRemovedOrMovedButNothingOutsideIsTouched() throws Exception {
        Path moved = location.resolve("dir-moved");
        Sftp sftp = sftp(false, "rm " + location.resolve("file-out"),
                "rename " + location.resolve("dir-out") + " " + moved,
                "-rm " + moved + "/secret.txt", "-rename " + location.resolve("inside.txt") + " " + moved + "/planted",
                "-rename " + moved + "/secret.txt " + location.resolve("taken.txt"));

        assertThat(sftp.exit()).as(sftp.output()).isZero();
        assertThat(sftp.output()).contains("remote delete " + moved + "/secret.txt: Permission denied")
                .contains("remote rename \"" + location.resolve("inside.txt") + "\" to \"" + moved
                        + "/planted\": Permission denied")
                .contains("remote rename \"" + moved + "/secret.txt\" to \"" + location.resolve("taken.txt")
                        + "\": Permission denied");
        assertThat(Files.exists(location.resolve("file-out"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readSymbolicLink(moved)).isEqualTo(outside);
        assertThat(secret).hasContent("SECRET");
        assertThat(outside).isDirectoryNotContaining(p -> !p.getFileName().toString().equals("secret.txt"));
        assertThat(location.resolve("inside.txt")).hasContent("inside");
        assertThat(location.resolve("taken.txt")).doesNotExist();
    }

    @Test
    void aHardLinkCanOnlyBeMadeToAFileInside() throws Exception {
        Sftp ln = sftp(false, "-ln " + secret + " " + location.resolve("stolen"),
                "-ln " + location + "/../outside/secret.txt " + location.resolve("stolen2"),
                "ln " + location.resolve("inside.txt") + " " + location.resolve("second-name"));

        assertThat(ln.exit()).as(ln.output()).isZero();
        assertThat(ln.output()).contains("Permission denied");
        assertThat(location.resolve("stolen")).doesNotExist();
        assertThat(location.resolve("stolen2")).doesNotExist();
        assertThat(location.resolve("second-name")).hasContent("inside");
        assertThat(Files.isSameFile(location.resolve("second-name"), location.resolve("inside.txt"))).isTrue();
    }

    private static final int TARGET_SIZE = 123457;
    private static final Instant TARGET_TIME = Instant.parse("2001-02-03T04:05:06Z");

    private static String line(String output, String endingWith) {
        return output.lines().filter(l -> l.endsWith(endingWith)).findFirst().orElseThrow(
                () -> new AssertionError("no line ending with '" + endingWith + "' in:\n" + output));
    }

    private record Sftp(int exit, String output) {}

    /**
     * Batch commands through {@code sftp -D} against the confined server serving {@code location} (a command with a
     * leading {@code -} may fail without ending the batch).
     */
    private Sftp sftp(boolean readOnly, String... commands) throws Exception {
        Path server = client.resolve("server.sh");
        Files.writeString(server, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx128m -cp '" + System.getProperty("java.class.path") + "' " + ConfinedSftpMain.class.getName()
                + " '" + location + "'" + (readOnly ? " ro" : "") + " 2>>'" + client.resolve("server.log") + "'\n");
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        Path batch = Files.writeString(client.resolve("batch"), String.join("\n", commands) + "\n");
        Process sftp = new ProcessBuilder("sftp", "-b", batch.toString(), "-D", server.toString())
                .redirectErrorStream(true).start();
        byte[] output = sftp.getInputStream().readAllBytes();
        if (!sftp.waitFor(60, TimeUnit.SECONDS)) {
            sftp.destroyForcibly();
        }
        return new Sftp(sftp.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
