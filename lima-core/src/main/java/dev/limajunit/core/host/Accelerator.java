package dev.limajunit.core.host;

/** QEMU accelerators, by the name {@code -accel} takes. */
public enum Accelerator {
    KVM("kvm"),
    HVF("hvf"),
    WHPX("whpx"),
    TCG("tcg");

    private final String qemuName;

    Accelerator(String qemuName) {
        this.qemuName = qemuName;
    }

    public String qemuName() {
        return qemuName;
    }

    @Override
    public String toString() {
        return qemuName;
    }
}
