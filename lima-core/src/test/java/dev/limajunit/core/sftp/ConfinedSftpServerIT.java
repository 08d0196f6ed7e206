package dev.limajunit.core.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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
    private Path secret;

    @BeforeEach
    void layout() throws IOException {
        assumeThat(Path.of("/usr/bin/sftp")).as("OpenSSH's sftp client (Debian package openssh-client)").isExecutable();
        location = Files.createDirectories(tmp.resolve("location"));
        Files.writeString(location.resolve("inside.txt"), "inside\n");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
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
                location + "/../outside/secret.txt", "/etc/passwd", "dir-out/secret.txt", location + "/dir-out/secret.txt",
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
        for (String change : List.of("put " + upload + " " + location.resolve("new.txt"), "rm " + location.resolve("inside.txt"),
                "mkdir " + location.resolve("dir"), "rename " + location.resolve("inside.txt") + " " + location.resolve("moved"),
                "chmod 777 " + location.resolve("inside.txt"), "symlink /etc " + location.resolve("etc-link"))) {
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

    private record Sftp(int exit, String output) {}

    /** One batch command through {@code sftp -D} against the confined server serving {@code location}. */
    private Sftp sftp(boolean readOnly, String command) throws Exception {
        Path server = tmp.resolve("server.sh");
        Files.writeString(server, "#!/bin/sh\nexec " + Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx128m -cp '" + System.getProperty("java.class.path") + "' " + ConfinedSftpMain.class.getName()
                + " '" + location + "'" + (readOnly ? " ro" : "") + "\n");
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        Path batch = Files.writeString(tmp.resolve("batch"), command + "\n");
        Process sftp = new ProcessBuilder("sftp", "-b", batch.toString(), "-D", server.toString())
                .redirectErrorStream(true).start();
        byte[] output = sftp.getInputStream().readAllBytes();
        if (!sftp.waitFor(60, TimeUnit.SECONDS)) {
            sftp.destroyForcibly();
        }
        return new Sftp(sftp.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
