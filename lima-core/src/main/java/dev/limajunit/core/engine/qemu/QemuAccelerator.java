package dev.limajunit.core.engine.qemu;

import java.util.List;
import java.util.Locale;

/**
 * The {@code -accel} arguments. TCG with Lima's options unless {@code -Dlima.accel=kvm} (or {@code LIMA_JUNIT_ACCEL})
 * says otherwise: on these machines /dev/kvm exists but QEMU with KVM hangs or aborts ("failed to set MSR 0x10a"),
 * so KVM is used only when asked for (the host probe in core/host can tell whether it really works).
 */
final class QemuAccelerator {

    private QemuAccelerator() {
    }

    static String chosen() {
        String value = System.getProperty("lima.accel", System.getenv("LIMA_JUNIT_ACCEL"));
        return value == null || value.isBlank() ? "tcg" : value.strip().toLowerCase(Locale.ROOT);
    }

    static List<String> arguments(String accelerator) {
        return switch (accelerator) {
            case "tcg" -> List.of("-accel", "tcg,thread=multi,tb-size=512", "-cpu", "max");
            case "kvm" -> List.of("-accel", "kvm", "-cpu", "host");
            default -> throw new IllegalArgumentException("lima.accel \"" + accelerator + "\" is not one of \"tcg\", \"kvm\"");
        };
    }
}
