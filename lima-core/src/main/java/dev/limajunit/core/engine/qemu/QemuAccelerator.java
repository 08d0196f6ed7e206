package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.host.Accelerator;
import dev.limajunit.core.host.HostProbe;
import java.util.List;
import java.util.Locale;

/**
 * The {@code -accel} arguments: {@code -Dlima.accel} (or {@code LIMA_JUNIT_ACCEL}) when set, else the best
 * accelerator the host probe saw really run a guest. /dev/kvm existing is not enough: on these machines QEMU with
 * KVM hangs or aborts ("failed to set MSR 0x10a"), and the probe finds that out once per host boot.
 */
final class QemuAccelerator {

    private QemuAccelerator() {
    }

    static String chosen() {
        String value = System.getProperty("lima.accel", System.getenv("LIMA_JUNIT_ACCEL"));
        if (value != null && !value.isBlank()) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
        return HostProbe.cached().bestAccelerator().filter(a -> a == Accelerator.KVM).isPresent() ? "kvm" : "tcg";
    }

    static List<String> arguments(String accelerator) {
        return switch (accelerator) {
            // Lima's TCG options: every vCPU on its own host thread, a large translation cache.
            case "tcg" -> List.of("-accel", "tcg,thread=multi,tb-size=512", "-cpu", "max");
            case "kvm" -> List.of("-accel", "kvm", "-cpu", "host");
            default -> throw new IllegalArgumentException("lima.accel \"" + accelerator + "\" is not one of \"tcg\", \"kvm\"");
        };
    }
}
