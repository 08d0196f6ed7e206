package dev.limajunit.samples;

import static dev.limajunit.core.config.MountType.NINEP;
import static dev.limajunit.core.config.MountType.REVERSE_SSHFS;
import static dev.limajunit.core.config.MountType.VIRTIOFS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.assertions.probe.FsProbe;
import dev.limajunit.assertions.probe.ProbeSession;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.KnownLimitation;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rename over an existing file, the atomic replace editors and package managers rely on: in the guest
 * (borgbackup/borg#3315: os.replace EPERM on sshfs; canonical/multipass#76: SFTP rename does not overwrite) and on
 * the host while the guest holds the old file open. Shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class RenameOverIT {

    @BeforeEach
    void aDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("replace"));
    }

    @Test
    @Behaviour(id = "guest-rename-over-existing", title = "a guest rename over an existing file replaces it")
    void aGuestRenameOverAnExistingFileReplacesIt(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("replace/config.json"), "{\"v\":1}");
        String target = dir.guest("replace/config.json").value();
        dir.shell().execChecked("cat", target);
        // mv within one directory is rename(2): no copy, no unlink first.
        dir.shell().execChecked("sh", "-c", "printf '{\"v\":2}' > \"$1.tmp\" && mv -f \"$1.tmp\" \"$1\"", "replace",
                target);
        assertThat(Files.readString(dir.host("replace/config.json"))).as("host content after the guest's replace")
                .isEqualTo("{\"v\":2}");
        assertThat(Files.exists(dir.host("replace/config.json.tmp"))).as("the temporary name on the host").isFalse();
    }

    @Test
    @Behaviour(id = "host-rename-over-open-file", title = "a host rename over a file the guest holds open: the open "
            + "descriptor keeps the old content, a new open gets the new")
    @KnownLimitation(mountTypes = REVERSE_SSHFS, messageContains = "but was: \"ok new\"", reason = "sshfs knows "
            + "files by path: once the guest read the new file, the descriptor opened on the old one reads the new "
            + "content too")
    void aHostRenameOverAFileTheGuestHoldsOpen(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("replace/data.txt"), "old");
        String guest = dir.guest("replace/data.txt").value();
        try (ProbeSession open = FsProbe.startInGuest(dir.shell(), "open-read", guest)) {
            assertThat(open.started()).as("the guest opens data.txt").isEqualTo("ok open");
            Files.writeString(dir.host("replace/data.txt.new"), "new");
            Files.move(dir.host("replace/data.txt.new"), dir.host("replace/data.txt"),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            await("a fresh guest read of data.txt after the host's replace")
                    .pollInSameThread().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> dir.shell().execChecked("cat", guest).stdoutText().equals("new"));
            assertThat(open.ask()).as("what the guest's already open descriptor reads").isEqualTo("ok old");
        }
    }
}
