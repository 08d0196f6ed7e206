package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.engine.GuestUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link QemuEngine} was configured with, as one immutable value: the engine's {@code with*} methods make a
 * changed copy, and each {@link QemuBoot} reads its settings from it instead of calling back into the engine.
 *
 * @param qemuBinary     qemu-system-x86_64, or null when there is none on PATH
 * @param kernelOverride a kernel image booted instead of the kit's, or null
 * @param accelerator    "tcg" or "kvm", or null for the one {@link QemuAccelerator} chooses
 * @param stallTimeout   how long a silent serial console means a stall, or null for the default
 * @param cacheDirectory where the guest kit and boot snapshots live, or null for the user's cache
 * @param snapshots      whether guests start from boot snapshots
 */
record QemuSettings(Path qemuBinary, Path kernelOverride, String accelerator,
                    Map<SftpDriver, SftpServerFactory> sftpServers, Duration stallTimeout, Path cacheDirectory,
                    GuestUser guestUser, boolean snapshots) {

    QemuSettings {
        sftpServers = Map.copyOf(sftpServers);
    }

    QemuSettings withQemuBinary(Path value) {
        return new QemuSettings(value, kernelOverride, accelerator, sftpServers,
                stallTimeout, cacheDirectory, guestUser, snapshots);
    }

    QemuSettings withKernelOverride(Path value) {
        return new QemuSettings(qemuBinary, value, accelerator, sftpServers,
                stallTimeout, cacheDirectory, guestUser, snapshots);
    }

    QemuSettings withAccelerator(String value) {
        return new QemuSettings(qemuBinary, kernelOverride, value, sftpServers,
                stallTimeout, cacheDirectory, guestUser, snapshots);
    }

    QemuSettings withSftpServers(Map<SftpDriver, SftpServerFactory> value) {
        return new QemuSettings(qemuBinary, kernelOverride, accelerator, value,
                stallTimeout, cacheDirectory, guestUser, snapshots);
    }

    QemuSettings withStallTimeout(Duration value) {
        return new QemuSettings(qemuBinary, kernelOverride, accelerator, sftpServers,
                value, cacheDirectory, guestUser, snapshots);
    }

    QemuSettings withCacheDirectory(Path value) {
        return new QemuSettings(qemuBinary, kernelOverride, accelerator, sftpServers,
                stallTimeout, value, guestUser, snapshots);
    }

    QemuSettings withGuestUser(GuestUser value) {
        return new QemuSettings(qemuBinary, kernelOverride, accelerator, sftpServers,
                stallTimeout, cacheDirectory, value, snapshots);
    }

    QemuSettings withSnapshots(boolean value) {
        return new QemuSettings(qemuBinary, kernelOverride, accelerator, sftpServers,
                stallTimeout, cacheDirectory, guestUser, value);
    }

    /** The guest kit from the cache directory, built there when missing. */
    GuestKit guestKit() {
        return cacheDirectory == null ? GuestKitBuilder.userKit() : GuestKitBuilder.kitIn(cacheDirectory);
    }

    /** The kernel to boot: the override, else the kit's. */
    Path kernel(GuestKit kit) {
        return kernelOverride != null ? kernelOverride : kit.kernel();
    }

    /** The accelerator set, else the one {@link QemuAccelerator} chooses (probed once per JVM). */
    String chosenAccelerator() {
        return accelerator != null ? accelerator : QemuAccelerator.chosen();
    }

    /**
     * How long a silent serial console means a stall, for a boot with this start timeout: the value set, else a
     * minute, or a third of the start timeout when that is longer.
     */
    Duration stallTimeout(Duration startTimeout) {
        if (stallTimeout != null) {
            return stallTimeout;
        }
        Duration third = startTimeout.dividedBy(3);
        return third.compareTo(Duration.ofSeconds(60)) > 0 ? third : Duration.ofSeconds(60);
    }

    BootSnapshots bootSnapshots() {
        return new BootSnapshots(cacheDirectory == null ? KitCache.userDefault() : new KitCache(cacheDirectory));
    }

    Optional<SftpServerFactory> sftpServer(SftpDriver driver) {
        return Optional.ofNullable(sftpServers.get(driver));
    }
}
