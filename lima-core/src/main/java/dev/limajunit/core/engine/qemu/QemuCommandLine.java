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

    /** Where a cold boot's shared guest memory lives (an unnamed file), as Lima has it. */
    static final Path SHARED_MEMORY_DIRECTORY = Path.of("/dev/shm");

    private QemuCommandLine() {
    }

    /**
     * @param machine    what stays the same between a snapshotted boot and its restores
     * @param name       QEMU's {@code -name}
     * @param sshPort    host port forwarded to the guest's port 22 on 127.0.0.1
     * @param serialLog  where the serial console goes
     * @param qmpSocket  where QEMU listens for QMP (the snapshot boot), or null
     * @param memoryPath   where guest memory is a shared file (vhost-user devices such as virtiofsd map it): a
     *                     directory for an unnamed file in it, or the file; null for private memory
     * @param devices    the mounts' device arguments, in order (PCI slots follow this order)
     * @param incoming   {@code -incoming}'s value ({@code defer} for a restore), or null for a cold boot
     */
    static List<String> build(QemuMachine machine, String name, int sshPort, Path serialLog, Path qmpSocket,
                              Path memoryPath, List<String> devices, String incoming) {
        long memoryMiB = Math.max(256, machine.memoryBytes() >> 20);
        List<String> argv = new ArrayList<>(List.of(machine.qemu().toString(), "-name", name,
                "-nodefaults", "-no-user-config", "-display", "none", "-no-reboot"));
        argv.addAll(QemuAccelerator.arguments(machine.accelerator()));
        if (Files.isReadable(QBOOT)) {
            // The kernel is loaded directly (PVH): a firmware that only hands over to it, instead of SeaBIOS's POST.
            argv.addAll(List.of("-bios", QBOOT.toString()));
        }
        argv.addAll(List.of("-smp", String.valueOf(machine.cpus()), "-m", memoryMiB + "M"));
        if (memoryPath != null) {
            // vhost-user devices (virtiofsd) map guest memory: it must be a shared file, as Lima sets it up.
            argv.addAll(List.of("-object", "memory-backend-file,id=virtiofs-shm,size=" + memoryMiB
                    + "M,mem-path=" + QemuOptionValue.escape(memoryPath.toString()) + ",share=on",
                    "-numa", "node,memdev=virtiofs-shm"));
        }
        argv.addAll(List.of("-kernel", machine.kernel().toString(), "-initrd", machine.initramfs().toString(),
                "-append", "console=ttyS0 panic=-1 " + FAST_BOOT_ARGS + " " + machine.login().kernelArguments()));
        argv.addAll(List.of("-serial", "file:" + serialLog));
        argv.addAll(List.of("-netdev", "user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:" + sshPort + "-:22",
                "-device", "virtio-net-pci,netdev=net0"));
        argv.addAll(devices);
        if (qmpSocket != null) {
            argv.addAll(List.of("-qmp", "unix:" + qmpSocket + ",server=on,wait=off"));
        }
        if (incoming != null) {
            argv.addAll(List.of("-incoming", incoming));
        }
        return argv;
    }
}
