package dev.limajunit.core.shell.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.shell.GuestFileStat;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShellException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** files() over SFTP against a real OpenSSH sshd (internal-sftp). */
@ExtendWith(LocalSshShell.class)
class SftpGuestFilesIT {

    private static SshGuestShell shell;
    private GuestPath dir;

    @BeforeAll
    static void start(SshGuestShell connected) {
        shell = connected;
    }

    @BeforeEach
    void makeDirectory() {
        dir = GuestPath.of(shell.execChecked("mktemp", "-d").stdoutText().trim());
    }

    @AfterEach
    void removeDirectory() {
        shell.execChecked("rm", "-rf", dir.value());
    }

    @Test
    void writeThenReadBackAndSeeItFromAShell() {
        GuestPath file = dir.resolve("hello.txt");
        shell.files().writeString(file, "grüß dich\n");

        assertThat(shell.files().readString(file)).isEqualTo("grüß dich\n");
        assertThat(shell.execChecked("cat", file.value()).stdoutText()).isEqualTo("grüß dich\n");
    }

    @Test
    void writeReplacesExistingContent() {
        GuestPath file = dir.resolve("f");
        shell.files().writeString(file, "a much longer first content");
        shell.files().writeString(file, "short");

        assertThat(shell.files().readString(file)).isEqualTo("short");
    }

    @Test
    void uploadAndDownloadBinaryExactly(@TempDir Path host) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(content);
        Path source = Files.write(host.resolve("source.bin"), content);
        GuestPath remote = dir.resolve("copy.bin");

        shell.files().upload(source, remote);
        Path back = host.resolve("back.bin");
        shell.files().download(remote, back);

        assertThat(Files.readAllBytes(back)).isEqualTo(content);
        assertThat(shell.execChecked("wc", "-c", remote.value()).stdoutText().trim())
                .startsWith(Integer.toString(content.length));
    }

    @Test
    void listIsSortedWithoutDotEntries() {
        shell.execChecked("sh", "-c", "cd \"$1\" && touch b a 'with space' && mkdir sub", "sh", dir.value());

        assertThat(shell.files().list(dir)).containsExactly("a", "b", "sub", "with space");
    }

    @Test
    void statDescribesFilesDirectoriesAndLinks() {
        shell.execChecked("sh", "-c", "cd \"$1\" && printf 12345 > f && chmod 640 f && mkdir d && ln -s f l",
                "sh", dir.value());

        GuestFileStat file = shell.files().stat(dir.resolve("f")).orElseThrow();
        assertThat(file.size()).isEqualTo(5);
        assertThat(file.permissions()).isEqualTo(0640);
        assertThat(file.directory()).isFalse();
        assertThat(file.symbolicLink()).isFalse();
        assertThat(file.modified()).isAfter(Instant.now().minusSeconds(600));
        assertThat(file.uid()).isEqualTo(Integer.parseInt(shell.execChecked("id", "-u").stdoutText().trim()));

        assertThat(shell.files().stat(dir.resolve("d")).orElseThrow().directory()).isTrue();
        assertThat(shell.files().stat(dir.resolve("l")).orElseThrow().symbolicLink()).isTrue();
        assertThat(shell.files().stat(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void readingAMissingFileNamesPathAndReason() {
        GuestPath missing = dir.resolve("missing.txt");

        assertThatThrownBy(() -> shell.files().read(missing))
                .isInstanceOf(GuestShellException.class)
                .hasMessageContaining("SFTP read " + missing)
                .hasMessageContaining("SSH_FX_NO_SUCH_FILE");
    }
}
