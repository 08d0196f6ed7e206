package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunArgumentsTest {

    @Test
    void parsesMountsFlagsAndTheCommand() {
        RunArguments args = RunArguments.parse(List.of("--mount-type=virtiofs", "--mount=/src",
                "--mount=/data:/mnt/d:rw",
                "--mount-inotify", "--", "sh", "-c", "echo hi"));

        assertThat(args.spec().mountType()).isEqualTo(MountType.VIRTIOFS);
        assertThat(args.spec().vmType()).isEqualTo(VmType.QEMU);
        assertThat(args.spec().mountInotify()).isTrue();
        assertThat(args.spec().mounts()).containsExactly(MountSpec.of("/src"),
                MountSpec.of("/data").withMountPoint("/mnt/d").withWritable(true));
        assertThat(args.keep()).isFalse();
        assertThat(args.command()).containsExactly("sh", "-c", "echo hi");
    }

    @Test
    void aTrailingRwWithoutGuestDirMakesTheMountWritableAtTheSamePath() {
        assertThat(RunArguments.mount("/src:rw")).isEqualTo(MountSpec.of("/src").withWritable(true));
        assertThat(RunArguments.mount("/src:/mnt/s:ro")).isEqualTo(MountSpec.of("/src").withMountPoint("/mnt/s"));
    }

    @Test
    void keepNeedsNoCommand() {
        assertThat(RunArguments.parse(List.of("--mount-type=9p", "--keep")).keep()).isTrue();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> RunArguments.parse(List.of("--mount-type=nfs", "--", "true")))
                .hasMessageStartingWith("--mount-type: \"nfs\" is not one of");
        assertThatThrownBy(() -> RunArguments.parse(List.of("--", "true")))
                .hasMessageContaining("--mount-type is required");
        assertThatThrownBy(() -> RunArguments.parse(List.of("--mount-type=9p")))
                .hasMessageContaining("name the guest command after --");
        assertThatThrownBy(() -> RunArguments.parse(List.of("--mount-type=9p", "--mount=/a:/b:/c", "--", "true")))
                .hasMessageContaining("--mount=\"/a:/b:/c\" is not HOSTDIR[:GUESTDIR][:rw]");
        assertThatThrownBy(() -> RunArguments.parse(List.of("--mount-type=9p", "--verbose", "--", "true")))
                .hasMessageContaining("unknown argument \"--verbose\"");
    }
}
