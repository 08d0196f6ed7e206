package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.host.Accelerator;
import dev.limajunit.core.host.HostFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lima on a Linux host picks KVM whenever {@code /dev/kvm} exists, whatever KVM really does (Lima's
 * {@code Accel()}); on these machines KVM aborts or hangs. When the accelerator probe finds KVM unusable, limactl gets
 * {@code QEMU_SYSTEM_X86_64} naming a small wrapper that turns Lima's KVM arguments into its own TCG ones. A
 * {@code QEMU_SYSTEM_X86_64} the user set is left alone.
 */
final class KvmToTcg {

    static final String VARIABLE = "QEMU_SYSTEM_X86_64";
    private static final String SCRIPT = "qemu-system-x86_64-tcg";

    private KvmToTcg() {
    }

    /** The wrapper to name in {@code QEMU_SYSTEM_X86_64}, written into {@code dir}, when Lima needs one here. */
    static Optional<Path> wrapperFor(Map<String, String> environment, Supplier<HostFacts> facts, String osName,
            Path dir) {
        boolean linux = osName.toLowerCase().contains("linux");
        if (!linux || environment.containsKey(VARIABLE) || !Files.exists(Path.of("/dev/kvm"))
                || facts.get().workingAccelerators().contains(Accelerator.KVM)) {
            return Optional.empty();
        }
        return Optional.of(write(dir));
    }

    private static Path write(Path dir) {
        Path script = dir.resolve(SCRIPT);
        try (InputStream in = KvmToTcg.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + SCRIPT + " is missing from lima-core");
            }
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, SCRIPT, ".tmp");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            // limactl may run as another account (lima.limactl.user): it must be able to run the wrapper
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.move(temp, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the KVM-to-TCG QEMU wrapper into " + dir, e);
        }
    }
}
