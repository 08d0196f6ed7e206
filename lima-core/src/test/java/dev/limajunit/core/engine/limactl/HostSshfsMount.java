package dev.limajunit.core.engine.limactl;

import static org.awaitility.Awaitility.await;

import dev.limajunit.core.engine.support.GuestMountTable;
import dev.limajunit.core.process.PathLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code fuse.sshfs} mount on this host, wired the way Lima's reverse-sshfs wires it in a guest: {@code sshfs}
 * in slave/passive mode talking SFTP over its stdin/stdout to an {@code sftp-server} serving the location. The
 * contract tests use it as the mount a Lima host agent would have made, so the engine's /proc/mounts check (run over
 * real SSH against this host) has a real reverse-sshfs mount to find.
 */
final class HostSshfsMount implements AutoCloseable {

    static final List<Path> SFTP_SERVERS = List.of(Path.of("/usr/lib/openssh/sftp-server"),
            Path.of("/usr/libexec/openssh/sftp-server"), Path.of("/usr/libexec/sftp-server"));

    private final Path mountPoint;
    private final Process process;

    private HostSshfsMount(Path mountPoint, Process process) {
        this.mountPoint = mountPoint;
        this.process = process;
    }

    /** Why such a mount cannot be made here, or null when it can. */
    static String unavailableReason() {
        if (!Files.exists(Path.of("/dev/fuse"))) {
            return "no /dev/fuse on this host";
        }
        if (PathLookup.of(System.getenv()).find("sshfs").isEmpty()) {
            return "no sshfs on PATH";
        }
        if (SFTP_SERVERS.stream().noneMatch(Files::isExecutable)) {
            return "no OpenSSH sftp-server in " + SFTP_SERVERS;
        }
        return null;
    }

    static HostSshfsMount mount(Path location, Path mountPoint) {
        Path sftpServer = SFTP_SERVERS.stream().filter(Files::isExecutable).findFirst().orElseThrow();
        try {
            Files.createDirectories(mountPoint);
            Path fifo = mountPoint.resolveSibling(mountPoint.getFileName() + ".fifo");
            new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
            String script = "exec \"$1\" < \"$2\" | sshfs -f -o passive \":$3\" \"$4\" > \"$2\"";
            Process process = new ProcessBuilder("sh", "-c", script, "sh", sftpServer.toString(), fifo.toString(),
                    location.toString(), mountPoint.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            HostSshfsMount mount = new HostSshfsMount(mountPoint, process);
            await("fuse.sshfs mounted at " + mountPoint).atMost(Duration.ofSeconds(20))
                    .until(() -> GuestMountTable.parse(Files.readString(Path.of("/proc/mounts")))
                            .at(mountPoint.toString())
                            .map(e -> e.fsType().equals("fuse.sshfs")).orElse(false));
            return mount;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        new ProcessBuilder("fusermount3", "-u", mountPoint.toString()).inheritIO().start().waitFor(20,
                TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }
}
