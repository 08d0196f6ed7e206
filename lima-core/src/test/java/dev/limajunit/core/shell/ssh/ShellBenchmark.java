package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.engine.qemu.QemuInstance;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures a {@code true} round trip three ways on one target: our {@code GuestShell.exec}, the OpenSSH client
 * over one ControlMaster connection, and the OpenSSH client with a new connection per command. Prints p50/p95
 * of each and the ratios. A benchmark, not a test: run it as a main class (see docs/benchmarks.md).
 *
 * <pre>
 * ShellBenchmark [--n 200] [--warmup 20] --qemu          (boots one guest with the qemu engine, no mounts)
 * ShellBenchmark [--n 200] [--warmup 20] --local-sshd    (a local OpenSSH sshd, no VM)
 * ShellBenchmark [--n 200] [--warmup 20] --target HOST PORT USER PRIVATE_KEY [HOST_PUBLIC_KEY]
 * </pre>
 */
public final class ShellBenchmark {

    private ShellBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = 200;
        int warmup = 20;
        SshTarget target = null;
        boolean localSshd = false;
        boolean qemu = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--local-sshd" -> localSshd = true;
                case "--qemu" -> qemu = true;
                case "--target" -> {
                    String host = args[++i];
                    int port = Integer.parseInt(args[++i]);
                    String user = args[++i];
                    Path key = Path.of(args[++i]);
                    HostKeyPolicy hostKeys = i + 1 < args.length && !args[i + 1].startsWith("--")
                            ? HostKeyPolicy.expect(Path.of(args[++i])) : HostKeyPolicy.acceptAnyOnLoopback();
                    target = new SshTarget(host, port, user, key, hostKeys);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: [--n N] [--warmup W] (--qemu | --local-sshd | --target HOST PORT USER KEY "
                                + "[HOSTPUB])");
            }
        }
        if (target == null && !localSshd && !qemu) {
            localSshd = true;
        }
        if (qemu) {
            QemuEngine engine = QemuEngine.create();
            engine.unavailableReason().ifPresent(reason -> {
                throw new IllegalStateException("the qemu engine cannot run here: " + reason);
            });
            ResolvedInstance spec = new ResolvedInstance(VmType.QEMU, MountType.NINEP, List.of(), false, 2, 1L << 30);
            try (QemuInstance instance = (QemuInstance) engine.start(spec,
                    StartOptions.named("shell-bench").withStartTimeout(Duration.ofMinutes(3)))) {
                System.out.println("target: a qemu-engine guest (" + instance.bootPhases() + ") at "
                        + instance.sshTarget());
                run(instance.sshTarget(), n, warmup);
            }
        } else if (localSshd) {
            try (LocalSshd sshd = LocalSshd.start()) {
                System.out.println("target: local OpenSSH sshd (LocalSshd) at " + sshd.target());
                run(sshd.target(), n, warmup);
            }
        } else {
            System.out.println("target: " + target);
            run(target, n, warmup);
        }
    }

    static void run(SshTarget target, int n, int warmup) throws Exception {
        System.out.println("machine: " + machine());
        System.out.println("load average at the start: " + loadAverage());
        System.out.println("round trips: " + n + " of each way, interleaved (after " + warmup + " warm-up rounds)");
        long[][] nanos;
        OpenSsh ssh = new OpenSsh(target);
        try (SshGuestShell shell = SshGuestShell.connect(target, Duration.ofSeconds(60))) {
            ssh.startMaster();
            Action ours = () -> {
                ExecResult r = shell.exec("true");
                if (r.exitCode() != 0) {
                    throw new IllegalStateException("true failed: " + r.stderrText());
                }
            };
            // Interleaved, one of each per round: load that drifts during the run hits all three alike.
            nanos = measureInterleaved(n, warmup, ours, () -> ssh.run(true), () -> ssh.run(false));
        } finally {
            ssh.stopMaster();
        }
        long[] ours = nanos[0];
        long[] master = nanos[1];
        long[] fresh = nanos[2];
        System.out.println("load average at the end: " + loadAverage());

        System.out.println();
        System.out.printf(Locale.ROOT, "%-38s %10s %10s%n", "way", "p50 ms", "p95 ms");
        print("GuestShell.exec (MINA, one session)", ours);
        print("ssh over one ControlMaster connection", master);
        print("ssh, new connection per command", fresh);
        System.out.println();
        System.out.printf(Locale.ROOT, "ControlMaster / GuestShell.exec:   p50 %.1fx  p95 %.1fx%n",
                ratio(master, ours, 50), ratio(master, ours, 95));
        System.out.printf(Locale.ROOT, "ssh-per-command / GuestShell.exec: p50 %.1fx  p95 %.1fx%n",
                ratio(fresh, ours, 50), ratio(fresh, ours, 95));
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long[][] measureInterleaved(int n, int warmup, Action... actions) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (Action action : actions) {
                action.run();
            }
        }
        long[][] nanos = new long[actions.length][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < actions.length; a++) {
                long start = System.nanoTime();
                actions[a].run();
                nanos[a][i] = System.nanoTime() - start;
            }
        }
        for (long[] way : nanos) {
            Arrays.sort(way);
        }
        return nanos;
    }

    static double percentileMillis(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double ratio(long[] slower, long[] faster, int percent) {
        return percentileMillis(slower, percent) / percentileMillis(faster, percent);
    }

    private static void print(String way, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-38s %10.2f %10.2f%n", way, percentileMillis(sorted, 50),
                percentileMillis(sorted, 95));
    }

    /** Other work on the host skews the figures: say how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String machine() {
        String cpu = "unknown cpu";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: leave it unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + System.getProperty("os.name")
                + " " + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    /** The OpenSSH client, configured only by the target (no ~/.ssh/config, no known_hosts). */
    private static final class OpenSsh {
        private final SshTarget target;
        private final Path controlDir;
        private final Path controlPath;

        OpenSsh(SshTarget target) throws IOException {
            this.target = target;
            this.controlDir = Files.createTempDirectory("lj-cm-");
            this.controlPath = controlDir.resolve("cm");
        }

        private List<String> base() {
            return new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-i", target.privateKey().toString(),
                    "-p", Integer.toString(target.port()), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                    "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                    "-l", target.user()));
        }

        void startMaster() throws Exception {
            List<String> cmd = base();
            cmd.addAll(List.of("-o", "ControlMaster=yes", "-o", "ControlPath=" + controlPath,
                    "-o", "ControlPersist=600", "-N", "-f", target.host()));
            exec(cmd);
        }

        void stopMaster() throws Exception {
            List<String> cmd = base();
            cmd.addAll(List.of("-o", "ControlPath=" + controlPath, "-O", "exit", target.host()));
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
            Files.deleteIfExists(controlPath);
            Files.deleteIfExists(controlDir);
        }

        void run(boolean overMaster) throws Exception {
            List<String> cmd = base();
            if (overMaster) {
                cmd.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=" + controlPath));
            } else {
                cmd.addAll(List.of("-o", "ControlMaster=no", "-o", "ControlPath=none"));
            }
            cmd.addAll(List.of(target.host(), "true"));
            exec(cmd);
        }

        private static void exec(List<String> cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + new String(out));
            }
        }
    }
}
