package dev.limajunit.core.engine.qemu;

import java.nio.file.Path;

/**
 * What a guest's QEMU must keep identical between a boot that is snapshotted and every restore of that snapshot:
 * binary, accelerator, CPUs, memory, kernel, initramfs and kernel command line (with its login).
 *
 * @param qemu        the qemu-system binary
 * @param accelerator "tcg" or "kvm"
 * @param cpus        virtual CPUs
 * @param memoryBytes guest memory
 * @param kernel      image for {@code -kernel}
 * @param initramfs   image for {@code -initrd}
 * @param login       the key and guest user handed to the guest on the kernel command line
 */
record QemuMachine(Path qemu, String accelerator, int cpus, long memoryBytes, Path kernel, Path initramfs,
                   GuestLogin login) {

    QemuMachine withLogin(GuestLogin value) {
        return new QemuMachine(qemu, accelerator, cpus, memoryBytes, kernel, initramfs, value);
    }
}
