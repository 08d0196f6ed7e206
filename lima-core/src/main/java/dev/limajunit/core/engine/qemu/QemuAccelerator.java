package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.host.Accelerator;
import dev.limajunit.core.host.HostProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * The {@code -accel} arguments: {@code -Dlima.accel} (or {@code LIMA_JUNIT_ACCEL}) when set; TCG when there is no
 * /dev/kvm; else the best accelerator the host probe saw really run a guest. /dev/kvm existing is not enough: on
 * these machines QEMU with KVM hangs or aborts ("failed to set MSR 0x10a"). The full host probe costs seconds on a
 * busy machine, so its answer is remembered in the kit cache for the rest of this host boot.
 */
final class QemuAccelerator {

    private static volatile String memo;

    private QemuAccelerator() {
    }

    static String chosen() {
        String value = System.getProperty("lima.accel", System.getenv("LIMA_JUNIT_ACCEL"));
        if (value != null && !value.isBlank()) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
        if (!Files.exists(Path.of("/dev/kvm"))) {
            return "tcg";
        }
        String known = memo;
        if (known == null) {
            synchronized (QemuAccelerator.class) {
                known = memo;
                if (known == null) {
                    known = rememberedForThisBoot();
                    memo = known;
                }
            }
        }
        return known;
    }

    private static String rememberedForThisBoot() {
        Path file = null;
        try {
            String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
            file = KitCache.userDefault().root().resolve("accelerator-" + bootId);
            if (Files.isReadable(file)) {
                return Files.readString(file).strip();
            }
        } catch (IOException e) {
            // no boot id or cache: probe every time
        }
        String probed = HostProbe.cached().bestAccelerator().filter(a -> a == Accelerator.KVM).isPresent() ? "kvm"
                : "tcg";
        if (file != null) {
            try {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), ".accelerator", "");
                Files.writeString(temp, probed);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // remembered in this JVM only
            }
        }
        return probed;
    }

    static List<String> arguments(String accelerator) {
        return switch (accelerator) {
            // Lima's TCG options: every vCPU on its own host thread, a large translation cache.
            case "tcg" -> List.of("-accel", "tcg,thread=multi,tb-size=512", "-cpu", "max");
            case "kvm" -> List.of("-accel", "kvm", "-cpu", "host");
            default -> throw new IllegalArgumentException("lima.accel \"" + accelerator + "\" is not one of \"tcg\", "
                    + "\"kvm\"");
        };
    }
}
