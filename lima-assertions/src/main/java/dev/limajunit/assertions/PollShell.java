package dev.limajunit.assertions;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.RunningCommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One long-running {@code sh} in the guest that runs the probe script for every poll, so a poll costs the probe's
 * own work and not a new SSH session. (Not {@link dev.limajunit.assertions.probe.ProbeSession}, which is one running
 * fsprobe holding something on one side of a mount.) A session per command is cheap on the qemu engine's busybox
 * guest (~50 ms under TCG) but not on Lima's Debian guest, where sshd opens a PAM and systemd-logind session for each
 * one (~360 ms measured): polled latencies then measured the guest's login machinery more than the mount. Anything
 * unexpected (no answer in time, the process gone, a failed script) ends the shell; the caller then probes with a
 * plain command, which reports the failure as before, and the next poll starts a fresh shell.
 */
final class PollShell {

    private static final String END = "__LIMA_JUNIT_PROBE_END__";
    private static final Map<GuestShell, PollShell> SESSIONS = new WeakHashMap<>();

    private final RunningCommand sh;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private PollShell(RunningCommand sh) {
        this.sh = sh;
        this.stdin = sh.stdin();
        Thread reader = new Thread(this::readLines, "lima-junit guest probe");
        reader.setDaemon(true);
        reader.start();
    }

    /** The probe's output for these arguments, or empty when the session could not give it (then it is ended). */
    static Optional<String> run(GuestShell shell, String script, List<String> arguments, Duration timeout) {
        PollShell session;
        synchronized (SESSIONS) {
            session = SESSIONS.get(shell);
            if (session == null || !session.sh.isRunning()) {
                try {
                    session = new PollShell(shell.start(Command.of("sh", "-s").timeout(Duration.ofDays(365))));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
                SESSIONS.put(shell, session);
            }
        }
        synchronized (session) {
            Optional<String> out = session.request(script, arguments, timeout);
            if (out.isEmpty()) {
                session.sh.close();
                synchronized (SESSIONS) {
                    SESSIONS.remove(shell, session);
                }
            }
            return out;
        }
    }

    private Optional<String> request(String script, List<String> arguments, Duration timeout) {
        StringBuilder line = new StringBuilder("set --");
        arguments.forEach(argument -> line.append(' ').append(quote(argument)));
        // A subshell, so the script's variables and a failing command stay in it; stderr is not read here.
        String request = line + "\n( " + script.strip() + "\n) 2>/dev/null; echo " + END + " $?\n";
        try {
            stdin.write(request.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                String next = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    return Optional.empty(); // no answer in time, or the process ended
                }
                if (next.startsWith(END + " ")) {
                    return next.equals(END + " 0") ? Optional.of(String.join("\n", out) + "\n") : Optional.empty();
                }
                out.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(sh.stdout(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException ended) {
            // the session closed: a waiting request times out and falls back
        }
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
