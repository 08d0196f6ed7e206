package dev.limajunit.assertions.it;

import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One real qemu-engine guest for one test class, with host directories it creates and deletes. Mounts use
 * Lima's defaults unless a test class says otherwise.
 */
final class TestVm implements AutoCloseable {

    /** A mount to declare: its guest path and its options. */
    record Mount(String mountPoint, boolean writable, boolean sshfsCache, boolean followSymlinks) {

        static Mount writable(String mountPoint) {
            return new Mount(mountPoint, true, true, false);
        }

        static Mount readOnly(String mountPoint) {
            return new Mount(mountPoint, false, true, false);
        }

        Mount sshfs(boolean cache, boolean follow) {
            return new Mount(mountPoint, writable, cache, follow);
        }
    }

    private final Instance instance;
    private final List<Path> hostDirs;

    private TestVm(Instance instance, List<Path> hostDirs) {
        this.instance = instance;
        this.hostDirs = hostDirs;
    }

    /** Boots a guest, or skips the calling class (with the engine's reason) where the qemu engine cannot run. */
    static TestVm boot(Class<?> testClass, MountType type, boolean mountInotify, Mount... mounts) {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("why the qemu engine cannot run here").isEmpty();
        List<Path> dirs = new ArrayList<>();
        List<ResolvedMount> resolved = new ArrayList<>();
        try {
            for (int i = 0; i < mounts.length; i++) {
                Mount mount = mounts[i];
                Path dir = Files.createTempDirectory("lima-assert-" + i + "-");
                dirs.add(dir);
                resolved.add(new ResolvedMount(i, dir, mount.mountPoint(), mount.writable(),
                        new ResolvedMount.Sshfs(mount.sshfsCache(), mount.followSymlinks(),
                                SftpDriver.OPENSSH_SFTP_SERVER),
                        new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 128 * 1024,
                                mount.writable() ? NinePCache.MMAP : NinePCache.FSCACHE), 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double factor = Double.parseDouble(System.getProperty("lima.startTimeoutFactor", "1"));
        StartOptions options = StartOptions.named(testClass.getSimpleName())
                .withStartTimeout(Duration.ofSeconds(Math.round(120 * factor)));
        try {
            Instance instance = engine.start(new ResolvedInstance(VmType.QEMU, type, resolved, mountInotify, 2,
                    1L << 30),
                    options);
            return new TestVm(instance, dirs);
        } catch (RuntimeException e) {
            deleteAll(dirs);
            throw e;
        }
    }

    MountedDirectory mount(int index) {
        return instance.mounts().get(index);
    }

    GuestShell shell() {
        return instance.shell();
    }

    @Override
    public void close() {
        try {
            instance.close();
        } finally {
            deleteAll(hostDirs);
        }
    }

    private static void deleteAll(List<Path> dirs) {
        for (Path dir : dirs) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: a temp dir left behind is not worth failing a test run for
            }
        }
    }
}
