package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.process.MarkedProcess;
import dev.limajunit.core.process.MarkedProcesses;
import dev.limajunit.core.process.RunSession;
import dev.limajunit.core.shell.ExecResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a running VM exposes, on one reverse-sshfs guest served by the confined builtin SFTP server: every listening
 * port of the run is on 127.0.0.1, the guest reaches no host port, the per-run key is private and stays out of the
 * logs, and the guest's sshfs reads nothing outside the mount's location.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

    @TempDir
    static Path tmp;

    /** A size that shows up in no listing by chance: the outside target's, which no listing may show. */
    private static final int BIG_SIZE = 123457;

    private Path location;
    private Path readOnly;
    private Path bigOutside;
    private QemuInstance instance;

    @BeforeAll
    void boot() throws IOException {
        QemuEngine engine = QemuEngine.create();
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        location = Files.createDirectories(tmp.resolve("location"));
        readOnly = Files.createDirectories(tmp.resolve("read-only"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "SECRET\n");
        Files.writeString(location.resolve("inside.txt"), "inside\n");
        Files.writeString(readOnly.resolve("ro.txt"), "ro\n");
        Files.createSymbolicLink(location.resolve("file-out"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(location.resolve("dir-out"), outside);
        bigOutside = Files.write(outside.resolve("big.bin"), new byte[BIG_SIZE]);
        Files.createSymbolicLink(location.resolve("big-out"), bigOutside);
        instance = (QemuInstance) engine.start(QemuTestVm.spec(MountType.REVERSE_SSHFS, false,
                builtin(0, location, "/mnt/rw", true, true), builtin(1, readOnly, "/mnt/ro", false, true),
                builtin(2, location, "/mnt/nofollow", false, false)),
                QemuTestVm.options("security"));
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    private static ResolvedMount builtin(int index, Path location, String mountPoint, boolean writable,
                                         boolean followSymlinks) {
        return new ResolvedMount(index, location, mountPoint, writable,
                new ResolvedMount.Sshfs(false, followSymlinks, SftpDriver.BUILTIN),
                new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 128 * 1024, NinePCache.MMAP), 0);
    }

    @Test
    void everyPortTheRunListensOnIsBoundTo127001() throws IOException {
        List<Long> pids = new ArrayList<>(MarkedProcesses.ofSession(RunSession.id()).stream().map(MarkedProcess::pid)
                .toList());
        pids.add(ProcessHandle.current().pid());

        List<Listener> listeners = Listener.of(pids);

        System.out.println("listening sockets of this run: " + listeners);
        assertThat(listeners).as("QEMU's SSH forward and the builtin SFTP servers at least")
                .hasSizeGreaterThanOrEqualTo(3)
                .anySatisfy(l -> assertThat(l.port()).isEqualTo(instance.sshTarget().port()))
                .allSatisfy(l -> assertThat(l.loopback()).as(l.toString()).isTrue());
    }

    @Test
    void theGuestReachesNoHostPortNotOnAnyAddressNorOnLoopback() throws IOException {
        try (ServerSocket any = new ServerSocket(0, 5, null);
             ServerSocket loopback = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            for (ServerSocket server : List.of(any, loopback)) {
                ExecResult nc = instance.shell().execShell("if busybox nc -w 3 10.0.2.2 " + server.getLocalPort()
                        + " </dev/null; then echo CONNECTED; else echo REFUSED; fi; ip route");

                assertThat(nc.stdoutText()).as("guest to 10.0.2.2:%d", server.getLocalPort())
                        .contains("default via 10.0.2.2").contains("REFUSED").doesNotContain("CONNECTED");
                server.setSoTimeout(200);
                assertThat(accepted(server)).as("a connection arrived on %s", server.getLocalSocketAddress()).isFalse();
            }
        }
    }

    @Test
    void theRunsKeyIsPrivateInAPrivateDirectoryAndNoLogHoldsIt() throws IOException {
        Path key = instance.sshTarget().privateKey();
        Path sessionDir = key.getParent().getParent();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(sessionDir.getFileName().toString()).isEqualTo("lima-junit-" + RunSession.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionDir))).isEqualTo("rwx------");
        String body = Files.readAllLines(key).get(1); // a line of the base64 body, past the BEGIN line
        try (Stream<Path> files = Files.walk(sessionDir)) {
            // Other instances of this JVM (earlier ITs) keep their own key files here: those must be private too;
            // any other file holding the key (a log, a console capture) is a leak.
            List<Path> holders = files.filter(Files::isRegularFile).filter(f -> contains(f, body)).toList();
            assertThat(holders).allSatisfy(f -> {
                assertThat(f.getFileName().toString()).as("file holding the private key").isEqualTo(key.getFileName()
                        .toString());
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            });
        }
    }

    @Test
    void theGuestReadsInsideTheLocationButNothingOutsideIt() {
        assertThat(instance.shell().execChecked("cat", "/mnt/rw/inside.txt").stdoutText()).isEqualTo("inside\n");

        for (String escape : List.of("/mnt/rw/file-out", "/mnt/rw/dir-out/secret.txt")) {
            ExecResult cat = instance.shell().exec("cat", escape);
            System.out.println("guest: cat " + escape + " -> exit " + cat.exitCode() + ": " + cat.stderrText().strip());
            assertThat(cat.exitCode()).as("cat %s", escape).isNotZero();
            assertThat(cat.stdoutText()).doesNotContain("SECRET");
        }
    }

    @Test
    void listingsInTheGuestShowLinksThatPointOutAsLinksNeverTheirTargets() {
        ExecResult ls = instance.shell()
                .execShell("ls -la /mnt/rw /mnt/nofollow; stat -c '%F %s' /mnt/nofollow/big-out");
        System.out.println("guest: " + ls.stdoutText() + ls.stderrText());

        assertThat(ls.stdoutText() + ls.stderrText()).doesNotContain(String.valueOf(BIG_SIZE));
        // followSymlinks: sshfs asks the server to follow (SSH_FXP_STAT), which refuses as it refuses opening
        assertThat(ls.stderrText()).contains("/mnt/rw/big-out: Permission denied");
        // without it sshfs asks for the link itself (SSH_FXP_LSTAT): the link's own type and size (its text's length)
        assertThat(ls.stdoutText()).containsPattern("(?m)^lrwxrwxrwx .* big-out$")
                .contains("symbolic link " + bigOutside.toString().length() + "\n");
    }

    @Test
    void guestWritesReachTheHostOnlyThroughTheWritableMount() {
        instance.shell().execChecked("sh", "-c", "echo from-guest > /mnt/rw/new.txt");
        ExecResult ro = instance.shell().exec("sh", "-c", "echo nope > /mnt/ro/new.txt");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(location.resolve("new.txt"))
                .hasContent("from-guest"));
        assertThat(ro.exitCode()).isNotZero();
        assertThat(readOnly.resolve("new.txt")).doesNotExist();
    }

    private static boolean accepted(ServerSocket server) throws IOException {
        try {
            server.accept().close();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** A listening TCP socket from /proc/net/tcp{,6} owned by one of the given processes. */
    record Listener(long pid, String address, int port, boolean loopback) {

        static List<Listener> of(List<Long> pids) throws IOException {
            List<Listener> found = new ArrayList<>();
            for (long pid : pids) {
                Set<String> inodes = socketInodes(pid);
                for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                    for (String line : Files.readAllLines(Path.of(table)).subList(1, Files.readAllLines(Path.of(table))
                            .size())) {
                        String[] f = line.trim().split("\\s+");
                        if (f[3].equals("0A") && inodes.contains(f[9])) { // 0A: LISTEN
                            String[] local = f[1].split(":");
                            found.add(new Listener(pid, local[0], Integer.parseInt(local[1], 16),
                                    isLoopback(local[0])));
                        }
                    }
                }
            }
            return found;
        }

        private static Set<String> socketInodes(long pid) {
            Set<String> inodes = new HashSet<>();
            try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                fds.forEach(fd -> {
                    try {
                        String target = Files.readSymbolicLink(fd).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                });
            } catch (IOException e) {
                // the process ended
            }
            return inodes;
        }

        /** 0100007F is 127.0.0.1 (little-endian hex); IPv6 ::1 and ::ffff:127.0.0.1 likewise. */
        private static boolean isLoopback(String hex) {
            return hex.equals("0100007F") || hex.equals("00000000000000000000000001000000")
                    || hex.equals("0000000000000000FFFF00000100007F");
        }
    }
}
