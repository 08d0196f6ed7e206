package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.engine.support.GuestMountTable;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.RunningCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A reverse-sshfs mount as Lima wires it: the guest runs {@code sshfs :LOCATION MOUNTPOINT -o slave} over an SSH
 * channel whose stdin/stdout are cross-wired with an SFTP server on the host, so the guest needs no way to reach the
 * host. {@code -f} keeps sshfs in the foreground, tied to the channel (as the prototype ran it).
 */
final class ReverseSshfsMount implements MountWiring {

    private static final Duration MOUNT_WAIT = Duration.ofSeconds(20);

    private final ResolvedMount mount;
    private final SftpServerFactory servers;
    private final Path instanceDir;
    private final Path log;
    private SftpServerEndpoint server;
    private RunningCommand sshfs;
    private final List<Thread> pumps = new ArrayList<>();

    ReverseSshfsMount(ResolvedMount mount, SftpServerFactory servers, Path instanceDir) {
        this.mount = mount;
        this.servers = servers;
        this.instanceDir = instanceDir;
        this.log = instanceDir.resolve("sshfs-" + mount.index() + ".log");
    }

    @Override
    public ResolvedMount mount() {
        return mount;
    }

    @Override
    public Optional<Path> helperLog() {
        return Optional.of(log);
    }

    @Override
    public List<String> qemuArguments() {
        return List.of(); // everything goes over the SSH connection
    }

    /** sshfs's command line, as Lima builds it. */
    String sshfsCommand() {
        StringBuilder options = new StringBuilder("allow_other");
        if (!mount.sshfs().cache()) {
            options.append(",cache=no");
        }
        if (mount.sshfs().followSymlinks()) {
            options.append(",follow_symlinks");
        }
        return "sshfs " + GuestScript.quote(":" + mount.location()) + " " + GuestScript.quote(mount.mountPoint())
                + " -o slave -f" + (mount.writable() ? "" : " -o ro") + " -o " + options;
    }

    @Override
    public void mountInGuest(GuestShell shell) throws IOException {
        String point = GuestScript.quote(mount.mountPoint());
        shell.execChecked(Command.shell("mkdir -p " + point));
        server = servers.open(mount, instanceDir);
        sshfs = shell.start(Command.shell("exec " + sshfsCommand()).timeout(Duration.ofDays(365)));
        pumps.add(pump("sftp->sshfs", server.fromServer(), sshfs.stdin()));
        pumps.add(pump("sshfs->sftp", sshfs.stdout(), server.toServer()));
        pumps.add(pump("sshfs stderr", sshfs.stderr(), Files.newOutputStream(log)));
        long deadline = System.nanoTime() + MOUNT_WAIT.toNanos();
        // -F: /proc/mounts escapes a space as \040, which a regex would read as a back-reference.
        String check = "grep -qF " + GuestScript.quote(" " + GuestMountTable.escape(mount.mountPoint())
        + " fuse.sshfs ")
                + " /proc/mounts";
        while (!shell.exec(Command.shell(check)).succeeded()) {
            if (!sshfs.isRunning()) {
                throw new IOException("sshfs for " + mount.describe() + " exited with code "
                        + sshfs.waitFor(Duration.ofSeconds(1)) + ": " + Files.readString(log).strip());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("sshfs for " + mount.describe() + " did not mount within "
                        + MOUNT_WAIT.toSeconds() + " s: " + Files.readString(log).strip());
            }
            sleep();
        }
    }


    @Override
    public void close() {
        if (sshfs != null) {
            sshfs.close();
        }
        if (server != null) {
            server.close();
        }
        pumps.forEach(Thread::interrupt);
    }

    private Thread pump(String name, InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (from; to) {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // one side ended: the mount is going away
            }
        }, "reverse-sshfs " + mount.describe() + " " + name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sshfs", e);
        }
    }
}
