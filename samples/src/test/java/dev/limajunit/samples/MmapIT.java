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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * mmap on a mount (clearcontainers/agent#92: 9p cache=none gives EINVAL for a writable MAP_SHARED): a shared
 * writable mapping in the guest reaching the host, and a host write seen through a mapping the guest already holds.
 * Lima's default cache modes; shares MountVisibilityIT's VM.
 */
@ForEachMountType({NINEP, VIRTIOFS, REVERSE_SSHFS})
@LimaInstance(mounts = @Mount(writable = true))
class MmapIT {

    @BeforeEach
    void aDirectory(MountedDirectory dir) throws Exception {
        Files.createDirectories(dir.host("mmap"));
    }

    @Test
    @Behaviour(id = "guest-mmap-shared-write", title = "a guest write through a shared writable mapping reaches the "
            + "host")
    void aGuestWriteThroughASharedMappingReachesTheHost(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("mmap/shared.bin"), "................");
        assertThat(FsProbe.guest(dir.shell(), "mmap-write", dir.guest("mmap/shared.bin").value(), "mapped in guest"))
                .as("MAP_SHARED write + msync in the guest").isEqualTo("ok written");
        await("the host reading the guest's mapped write").pollInSameThread().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> Files.readString(dir.host("mmap/shared.bin")).equals("mapped in guest."));
    }

    @Test
    @Behaviour(id = "host-write-through-guest-mapping", title = "a host write in place shows within 10 s through a "
            + "mapping the guest holds")
    @KnownLimitation(mountTypes = {NINEP, VIRTIOFS, REVERSE_SSHFS},
            messageContains = "but was: \"ok host version 1..\"", reason = "the guest's mapping is its page cache, "
                    + "which nothing invalidates when the host writes: no type here tells the guest kernel about "
                    + "host changes (virtiofs would need DAX)")
    void aHostWriteShowsThroughAMappingTheGuestHolds(MountedDirectory dir) throws Exception {
        Files.writeString(dir.host("mmap/watched.bin"), "host version 1..");
        try (ProbeSession mapping = FsProbe.startInGuest(dir.shell(), "mmap-watch",
                dir.guest("mmap/watched.bin").value(), "16")) {
            assertThat(mapping.started()).as("the guest maps watched.bin").isEqualTo("ok mapped");
            assertThat(mapping.ask()).as("the mapping before the host writes").isEqualTo("ok host version 1..");
            try (FileChannel channel = FileChannel.open(dir.host("mmap/watched.bin"), StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap("host version 2..".getBytes(StandardCharsets.UTF_8)), 0);
            }
            await("the guest's mapping showing the host's write").pollInSameThread().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(mapping.ask()).as("what the guest's mapping holds")
                            .isEqualTo("ok host version 2.."));
        }
    }
}
