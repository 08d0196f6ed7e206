package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts one instance's QEMU: the command line written next to its logs ({@code qemu.cmdline}), stdout and stderr to
 * files, the process registered so that it ends with the JVM, and in {@link StartedParts}.
 */
final class QemuLauncher {

    private static final int PORT_ATTEMPTS = 3;

    private final String instance;
    private final Path dir;
    private final SerialConsole serial;
    private final Path stderr;
    private final StartedParts started;

    QemuLauncher(String instance, Path dir, SerialConsole serial, Path stderr, StartedParts started) {
        this.instance = instance;
        this.dir = dir;
        this.serial = serial;
        this.stderr = stderr;
        this.started = started;
    }

    /**
     * Starts QEMU; a cold boot whose port was taken between our probe and QEMU's bind is retried with another port
     * (a restore that meets it fails and boots cold instead: waiting for the exit would cost a restore its budget).
     *
     * @param memoryPath where guest memory is a shared file, or null for private memory
     * @param qmpSocket  where QEMU listens for QMP, or null
     * @param incoming   QEMU's {@code -incoming} value for a restore, or null for a cold boot
     */
    LaunchedQemu launch(QemuMachine machine, Path memoryPath, List<String> devices, Path qmpSocket, String incoming)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            int port = LoopbackPort.free();
            List<String> argv = QemuCommandLine.build(machine, "lima-junit-" + instance, port, serial.file(),
                    qmpSocket, memoryPath, devices, incoming);
            Files.writeString(dir.resolve("qemu.cmdline"), String.join(" ", argv) + "\n");
            ProcessBuilder builder = new ProcessBuilder(argv)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(dir.resolve("qemu.stdout.log").toFile())
                    .redirectError(stderr.toFile());
            ManagedProcess process = ProcessRegistry.global().start("qemu " + instance, builder);
            started.add(process);
            if (incoming == null && attempt < PORT_ATTEMPTS && exitedWithPortConflict(process)) {
                started.remove(process);
                continue;
            }
            return new LaunchedQemu(process, port);
        }
    }

    private boolean exitedWithPortConflict(ManagedProcess process) throws IOException {
        try {
            process.process().waitFor(300, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !process.isAlive() && Files.readString(stderr).contains("host forwarding");
    }
}
