package dev.limajunit.samples;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code fsprobe.c}, built once on the host ({@code cc -static}: the C compiler the virtiofsd build needs anyway) and
 * copied into each guest: flock, fcntl locks, mmap, directory fsync, unix sockets and xattrs, which busybox has no
 * applet for. The same binary runs on the host, so both sides of a lock or an xattr make the very same calls.
 */
final class FsProbe {

    static final String GUEST_PATH = "/tmp/lima-junit-fsprobe";

    private static final Set<GuestShell> INSTALLED = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    private static Path binary;

    private FsProbe() {
    }

    /** The host build, compiled on first use into {@code target/}. */
    static synchronized Path hostBinary() {
        if (binary == null) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "fsprobe"));
                Path source = dir.resolve("fsprobe.c");
                try (InputStream in = FsProbe.class.getResourceAsStream("fsprobe.c")) {
                    Files.write(source, in.readAllBytes());
                }
                Path out = dir.resolve("fsprobe").toAbsolutePath();
                run(List.of("cc", "-static", "-O2", "-o", out.toString(), source.toString()));
                binary = out;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build fsprobe", e);
            }
        }
        return binary;
    }

    /** Runs the probe in the guest (copying it there first) and returns its result line. */
    static String guest(GuestShell shell, String... args) {
        return line(shell.exec(Command.of(argv(install(shell), args))));
    }

    /** Runs the probe in the guest as {@code user} (via sudo or su) and returns its result line. */
    static String guestAs(GuestShell shell, String user, String... args) {
        return line(shell.exec(Command.of(argv(install(shell), args)).asUser(user)));
    }

    /** Starts a probe that holds something (a lock, a mapping, an open file) in the guest until closed. */
    static ProbeSession startInGuest(GuestShell shell, String... args) {
        return ProbeSession.guest(shell.start(Command.of(argv(install(shell), args))));
    }

    /** Runs the probe on the host and returns its result line. */
    static String host(String... args) {
        try {
            Process p = new ProcessBuilder(argv(hostBinary().toString(), args)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts a holding probe on the host. */
    static ProbeSession startOnHost(String... args) {
        try {
            return ProbeSession.host(new ProcessBuilder(argv(hostBinary().toString(), args)).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String install(GuestShell shell) {
        if (!INSTALLED.contains(shell)) {
            GuestPath target = GuestPath.of(GUEST_PATH);
            shell.files().upload(hostBinary(), target);
            shell.execChecked("chmod", "755", GUEST_PATH);
            INSTALLED.add(shell);
        }
        return GUEST_PATH;
    }

    private static String[] argv(String program, String... args) {
        List<String> all = new ArrayList<>(List.of(program));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** The result line; a usage error (exit 2) or silence is a broken test, not a mount behaviour. */
    private static String line(ExecResult result) {
        String out = result.stdoutText().strip();
        if (result.exitCode() > 1 || out.isEmpty()) {
            throw new IllegalStateException("fsprobe failed: " + result + " " + result.stderrTail(500));
        }
        return out;
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
