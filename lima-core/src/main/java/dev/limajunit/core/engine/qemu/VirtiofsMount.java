package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.host.Virtiofsd;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.process.ProcessRegistry;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A virtiofs mount as Lima wires it on QEMU: one virtiofsd per mount on a vhost-user socket,
 * {@code -chardev socket,... -device vhost-user-fs-pci,...,tag=TAG} and guest memory shared through
 * {@code /dev/shm}. virtiofsd cannot serve a directory read-only, so a read-only mount is read-only only in the
 * guest ({@code mount -o ro}), as in Lima.
 */
final class VirtiofsMount implements MountWiring {

    private static final Duration SOCKET_WAIT = Duration.ofSeconds(10);

    private final ResolvedMount mount;
    private final VirtiofsdBinary virtiofsd;
    private final Path socket;
    private final Path log;
    private final String tag;
    private final String chardevId;
    private ManagedProcess process;

    VirtiofsMount(ResolvedMount mount, VirtiofsdBinary virtiofsd, Path instanceDir) {
        this.mount = mount;
        this.virtiofsd = virtiofsd;
        this.socket = instanceDir.resolve("virtiofs-" + mount.index() + ".sock");
        this.log = instanceDir.resolve("virtiofsd-" + mount.index() + ".log");
        this.tag = MountTag.of(mount.location().toString(), mount.mountPoint());
        this.chardevId = "char-virtiofs-" + mount.index();
    }

    @Override
    public ResolvedMount mount() {
        return mount;
    }

    @Override
    public Optional<Path> helperLog() {
        return Optional.of(log);
    }

    /** The virtiofsd serving this mount. */
    Virtiofsd virtiofsd() {
        return virtiofsd.virtiofsd();
    }

    @Override
    public void startBeforeQemu() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(virtiofsd.commandLine(socket, mount.location()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        process = ProcessRegistry.global().start("virtiofsd " + mount.describe(), builder);
        long deadline = System.nanoTime() + SOCKET_WAIT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive()) {
                throw new IOException("virtiofsd for " + mount.describe() + " exited with code "
                        + process.process().exitValue() + ": " + Files.readString(log).strip());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("virtiofsd for " + mount.describe() + " created no socket " + socket
                        + " within " + SOCKET_WAIT.toSeconds() + " s: " + Files.readString(log).strip());
            }
            sleep();
        }
    }

    @Override
    public List<String> qemuArguments() {
        List<String> args = new ArrayList<>(List.of("-chardev", "socket,id=" + chardevId + ",path=" + socket));
        String device = "vhost-user-fs-pci,"
                + (mount.virtiofsQueueSize() > 0 ? "queue-size=" + mount.virtiofsQueueSize() + "," : "")
                + "chardev=" + chardevId + ",tag=" + tag;
        args.addAll(List.of("-device", device));
        return args;
    }

    /** QEMU 7.2 cannot migrate a vhost-user-fs device: a restored guest gets it hot-plugged instead. */
    @Override
    public boolean hotPluggedOnRestore() {
        return true;
    }

    @Override
    public void hotAdd(QmpClient qmp) throws IOException {
        qmp.execute("chardev-add", Map.of("id", chardevId, "backend", Map.of("type", "socket", "data", Map.of(
                "addr", Map.of("type", "unix", "data", Map.of("path", socket.toString())), "server", false))));
        Map<String, Object> device = new LinkedHashMap<>(Map.of("driver", "vhost-user-fs-pci",
                "id", "virtiofs-" + mount.index(), "chardev", chardevId, "tag", tag));
        if (mount.virtiofsQueueSize() > 0) {
            device.put("queue-size", mount.virtiofsQueueSize());
        }
        qmp.execute("device_add", device);
    }

    @Override
    public boolean needsSharedMemory() {
        return true;
    }

    @Override
    public void mountInGuest(GuestShell shell) {
        String point = GuestScript.quote(mount.mountPoint());
        shell.execChecked(Command.shell("mkdir -p " + point + " && mount -t virtiofs"
                + (mount.writable() ? "" : " -o ro") + " " + tag + " " + point));
    }


    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for virtiofsd", e);
        }
    }
}
