package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceleratorCacheTest {

    @TempDir
    Path dir;

    private static final List<AcceleratorCheck> CHECKS = List.of(
            AcceleratorCheck.fails(Accelerator.KVM, "/dev/kvm exists, but the vCPU stalled"),
            AcceleratorCheck.works(Accelerator.TCG, "ran in 150 ms"));

    @Test
    void returnsWhatWasProbedForTheSameQemu() throws Exception {
        Path qemu = Files.writeString(dir.resolve("qemu-system-x86_64"), "binary");
        AcceleratorCache cache = new AcceleratorCache(dir.resolve("cache"));

        cache.store(qemu, OperatingSystem.LINUX, "x86_64", CHECKS);

        assertThat(cache.load(qemu, OperatingSystem.LINUX, "x86_64")).hasValueSatisfying(checks -> {
            assertThat(checks).extracting(AcceleratorCheck::accelerator, AcceleratorCheck::works)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(Accelerator.KVM, false),
                            org.assertj.core.groups.Tuple.tuple(Accelerator.TCG, true));
            assertThat(checks.get(0).detail()).startsWith("/dev/kvm exists, but the vCPU stalled")
                    .endsWith("(probed earlier in this boot)");
        });
    }

    @Test
    void aChangedQemuBinaryOrArchProbesAgain() throws Exception {
        Path qemu = Files.writeString(dir.resolve("qemu-system-x86_64"), "binary");
        AcceleratorCache cache = new AcceleratorCache(dir.resolve("cache"));
        cache.store(qemu, OperatingSystem.LINUX, "x86_64", CHECKS);

        assertThat(cache.load(qemu, OperatingSystem.LINUX, "aarch64")).isEmpty();
        Files.setLastModifiedTime(qemu, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        assertThat(cache.load(qemu, OperatingSystem.LINUX, "x86_64")).isEmpty();
    }

    @Test
    void nothingStoredOrACorruptFileMeansProbe() throws Exception {
        Path qemu = Files.writeString(dir.resolve("qemu-system-x86_64"), "binary");
        AcceleratorCache cache = new AcceleratorCache(dir.resolve("cache"));

        assertThat(cache.load(qemu, OperatingSystem.LINUX, "x86_64")).isEmpty();
        cache.store(qemu, OperatingSystem.LINUX, "x86_64", CHECKS);
        try (var files = Files.list(dir.resolve("cache"))) {
            Files.writeString(files.findFirst().orElseThrow(), "garbage\n");
        }
        assertThat(cache.load(qemu, OperatingSystem.LINUX, "x86_64")).isEmpty();
    }
}
