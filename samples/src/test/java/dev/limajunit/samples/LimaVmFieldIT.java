package dev.limajunit.samples;

import static dev.limajunit.assertions.LimaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.assertions.GuestChange;
import dev.limajunit.assertions.HostChange;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.junit.LimaVm;
import dev.limajunit.junit.MountPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A VM declared as a field, Testcontainers-style, from the team's own lima.yaml ({@code src/test/resources/lima/
 * dev-vm.yaml}): its mount type, mounts and sizes are what this class tests, and the builder adds a fresh writable
 * directory for what the guest produces. Tests take parameters as with {@code @LimaInstance}, or use the field.
 */
class LimaVmFieldIT {

    @RegisterExtension
    static final LimaVm vm = LimaVm.fromLimaYaml(Path.of("src/test/resources/lima/dev-vm.yaml"))
            .toBuilder()
            .mount("/mnt/out", true)
            .build();

    @Test
    void aHostEditShowsInTheGuest(@MountPoint("/mnt/src") MountedDirectory src) {
        assertThat(src).showsInGuest(HostChange.write("notes.txt", "edited on the host at " + Instant.now() + "\n"),
                Duration.ofSeconds(5));
    }

    @Test
    void theSourcesAreReadOnlyInTheGuest() {
        assertThat(vm.mount("/mnt/src")).isReadOnly().refusesGuestWrite("attempt.txt", "Read-only file system");
    }

    @Test
    void whatTheGuestWritesToTheOutputMountReachesTheHost(@MountPoint("/mnt/out") MountedDirectory out) {
        assertThat(out).showsOnHost(GuestChange.write("report.txt", "built in the guest\n"), Duration.ofSeconds(5));
    }

    @Test
    void theFieldGivesTheRunningVm() {
        assertThat(vm.mountType()).isEqualTo(MountType.NINEP);
        assertThat(vm.shell().exec("uname", "-s")).succeeded().stdoutContains("Linux");
    }
}
