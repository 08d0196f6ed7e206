package dev.limajunit.core.engine.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the QEMU argv for one instance: no default devices, user networking, serial log, one device per mount. */
final class QemuCommandLine {

    /**
     * Kernel arguments that shorten a TCG boot: skip the delay-loop calibration and crypto self-tests, patch in no
     * speculation mitigations, probe fewer legacy devices. {@code quiet} because every console byte costs a trap.
     */
    static final String FAST_BOOT_ARGS = "quiet lpj=5000000 cryptomgr.notests mitigations=off no_timer_check "
            + "8250.nr_uarts=1 i8042.noaux i8042.nomux i8042.nopnp";

    /** QEMU's minimal firmware (Debian: qemu-system-data). */
    static final Path QBOOT = Path.of("/usr/share/qemu/qboot.rom");

    private QemuCommandLine() {
    }

    /**
     * @param qemu          the qemu-system binary
     * @param accelerator   "tcg" or "kvm"
     * @param kernel        image for -kernel
     * @param initramfs     image for -initrd
     * @param login         the instance's key and guest user, handed to the guest on the kernel command line
     * @param sshPort       host port forwarded to the guest's port 22 on 127.0.0.1
     * @param serialLog     where the serial console goes
     * @param mounts        the mounts' wirings
     */
    static List<String> build(Path qemu, String name, String accelerator, int cpus, long memoryBytes, Path kernel,
                              Path initramfs, GuestLogin login, int sshPort, Path serialLog,
                              List<MountWiring> mounts) {
        long memoryMiB = Math.max(256, memoryBytes >> 20);
        List<String> argv = new ArrayList<>(List.of(qemu.toString(), "-name", name,
                "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"));
        argv.addAll(QemuAccelerator.arguments(accelerator));
        if (Files.isReadable(QBOOT)) {
            // The kernel is loaded directly (PVH): a firmware that only hands over to it, instead of SeaBIOS's POST.
            argv.addAll(List.of("-bios", QBOOT.toString()));
        }
        argv.addAll(List.of("-smp", String.valueOf(cpus), "-m", memoryMiB + "M"));
        if (mounts.stream().anyMatch(MountWiring::needsSharedMemory)) {
            // vhost-user devices (virtiofsd) map guest memory: it must be a shared file, as Lima sets it up.
            argv.addAll(List.of("-object", "memory-backend-file,id=virtiofs-shm,size=" + memoryMiB
                    + "M,mem-path=/dev/shm,share=on", "-numa", "node,memdev=virtiofs-shm"));
        }
        argv.addAll(List.of("-kernel", kernel.toString(), "-initrd", initramfs.toString(),
                "-append", "console=ttyS0 panic=-1 " + FAST_BOOT_ARGS + " " + login.kernelArguments()));
        argv.addAll(List.of("-serial", "file:" + serialLog));
        argv.addAll(List.of("-netdev", "user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:" + sshPort + "-:22",
                "-device", "virtio-net-pci,netdev=net0"));
        for (MountWiring mount : mounts) {
            argv.addAll(mount.qemuArguments());
        }
        return argv;
    }
}
