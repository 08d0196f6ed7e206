package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1 and a free port, with a throwaway config and keys in a temp dir,
 * running as the current user. For tests that need a real SSH server without a VM; reusable by other modules.
 *
 * <pre>
 * try (LocalSshd sshd = LocalSshd.start()) {
 *     SshTarget target = sshd.target();
 * }
 * </pre>
 */
public final class LocalSshd implements AutoCloseable {

    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final long START_TIMEOUT_SECONDS = 20;

    private final Path dir;
    private final int port;
    private final Path userKey;
    private final Path rsaUserKey;
    private final Path hostPublicKey;
    private final List<String> log = new ArrayList<>();
    private Process process;

    private LocalSshd(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.userKey = dir.resolve("user_ed25519");
        this.rsaUserKey = dir.resolve("user_rsa");
        this.hostPublicKey = dir.resolve("host_ed25519.pub");
    }

    /** Generates keys and a config, starts sshd and waits until it listens. */
    public static LocalSshd start() {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing: install openssh-server");
        }
        try {
            Path dir = Files.createTempDirectory("lima-junit-sshd-");
            LocalSshd sshd = new LocalSshd(dir, freePort());
            try {
                sshd.prepare();
                sshd.launch();
                return sshd;
            } catch (RuntimeException | IOException e) {
                sshd.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a local sshd", e);
        }
    }

    private void prepare() throws IOException {
        keygen("ed25519", dir.resolve("host_ed25519"));
        keygen("ed25519", userKey);
        Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(userKey + ".pub")));
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "StrictModes no",
                "PidFile none",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "MaxSessions 10",
                "Subsystem sftp internal-sftp",
                "LogLevel INFO",
                ""));
        // Debian's sshd refuses to start as root without its privilege separation directory.
        if ("root".equals(System.getProperty("user.name"))) {
            Files.createDirectories(Path.of("/run/sshd"));
        }
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .start();
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> readLog(listening), "local-sshd-log-" + port);
        reader.setDaemon(true);
        reader.start();
        try {
            if (!listening.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("sshd did not listen on 127.0.0.1:" + port + " within "
                        + START_TIMEOUT_SECONDS + " s; its log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting sshd", e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("sshd exited with " + process.exitValue() + "; its log:\n" + log());
        }
    }

    private void readLog(CountDownLatch listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (log) {
                    if (log.size() < 10_000) {
                        log.add(line);
                    }
                }
                if (line.contains("Server listening on")) {
                    listening.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; the log holds what it said
        } finally {
            listening.countDown();
        }
    }

    /** The target for the ed25519 user key with the host key verified. */
    public SshTarget target() {
        return new SshTarget("127.0.0.1", port, currentUser(), userKey, HostKeyPolicy.expect(hostPublicKey));
    }

    public int port() {
        return port;
    }

    public Path userKey() {
        return userKey;
    }

    /** An RSA user key the server accepts (made on first use: RSA key generation is slow). */
    public synchronized Path rsaUserKey() {
        if (!Files.exists(rsaUserKey)) {
            keygen("rsa", rsaUserKey);
            try {
                Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(rsaUserKey + ".pub")),
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rsaUserKey;
    }

    public Path hostPublicKey() {
        return hostPublicKey;
    }

    /** A fresh key pair the server does not know. */
    public Path unauthorizedKey() {
        Path key = dir.resolve("unauthorized_ed25519");
        if (!Files.exists(key)) {
            keygen("ed25519", key);
        }
        return key;
    }

    /** A host public key file that is not this server's. */
    public Path otherHostPublicKey() {
        Path key = dir.resolve("other_host_ed25519");
        if (!Files.exists(key)) {
            keygen("ed25519", key);
        }
        return Path.of(key + ".pub");
    }

    public static String currentUser() {
        return System.getProperty("user.name");
    }

    /** Kills the per-connection sshd processes (existing sessions drop); the listener keeps accepting. */
    public void dropConnections() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.descendants().forEach(p -> p.onExit().join());
    }

    /** Kills the listener and every connection with SIGKILL, as if the server died. */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        process.destroyForcibly();
        all.forEach(ProcessHandle::destroyForcibly);
        process.onExit().join();
        all.forEach(p -> p.onExit().join());
    }

    /** What sshd printed so far. */
    public String log() {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    @Override
    public void close() {
        kill();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }

    private static void keygen(String type, Path file) {
        try {
            Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "lima-junit-test",
                    "-f", file.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("ssh-keygen -t " + type + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ssh-keygen failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
