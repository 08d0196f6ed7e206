package dev.limajunit.core.engine.qemu;

/** Escapes a value inside a QEMU {@code key=value,...} option string, where a literal comma is written twice. */
final class QemuOptionValue {

    private QemuOptionValue() {
    }

    static String escape(String value) {
        return value.replace(",", ",,");
    }
}
