package dev.limajunit.assertions.probe;

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
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code fsprobe.c}, built once per host ({@code cc -static}, the C compiler the virtiofsd build needs anyway, into
 * {@code $TMPDIR/lima-junit-fsprobe-HASH/}) and copied into each guest's {@code /tmp}: flock, fcntl locks, mmap,
 * directory fsync, unix sockets and xattrs, which busybox has no applet for. The same binary runs on the host, so
 * both sides of a lock or an xattr make the very same calls. Every call answers one line, {@code ok ...} or
 * {@code err ERRNO_NAME: call: text}.
 */
public final class FsProbe {

    public static final String GUEST_PATH = "/tmp/lima-junit-fsprobe";

    private static final Set<GuestShell> INSTALLED = Collections.synchronizedSet(
            Collections.newSetFromMap(new IdentityHashMap<>()));
    private static Path binary;

    private FsProbe() {
    }

    /**
     * The host build, compiled on first use.
     *
     * @throws IllegalStateException naming the compiler's output when {@code cc} is missing or fails
     */
    public static synchronized Path hostBinary() {
        if (binary == null) {
            try {
                byte[] source;
                try (InputStream in = FsProbe.class.getResourceAsStream("fsprobe.c")) {
                    source = in.readAllBytes();
                }
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source), 0, 6);
                Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                        "lima-junit-fsprobe-" + hash));
                Path out = dir.resolve("fsprobe");
                if (!Files.isExecutable(out)) {
                    Path c = Files.write(dir.resolve("fsprobe.c"), source);
                    Path partial = dir.resolve("fsprobe." + ProcessHandle.current().pid());
                    run(List.of("cc", "-static", "-O2", "-o", partial.toString(), c.toString()));
                    Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
                binary = out;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot build fsprobe", e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return binary;
    }

    /** Runs the probe in the guest (copying it there first) and returns its result line. */
    public static String guest(GuestShell shell, String... args) {
        return line(shell.exec(Command.of(argv(install(shell), args))));
    }

    /** Runs the probe in the guest as {@code user} (via sudo or su) and returns its result line. */
    public static String guestAs(GuestShell shell, String user, String... args) {
        return line(shell.exec(Command.of(argv(install(shell), args)).asUser(user)));
    }

    /** Starts a probe that holds something (a lock, a mapping, an open file) in the guest until closed. */
    public static ProbeSession startInGuest(GuestShell shell, String... args) {
        return ProbeSession.guest(shell.start(Command.of(argv(install(shell), args))));
    }

    /** Runs the probe on the host and returns its result line. */
    public static String host(String... args) {
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
    public static ProbeSession startOnHost(String... args) {
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
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("fsprobe needs a C compiler on the host to build it: " + command.get(0)
                    + " cannot run (" + e.getMessage() + "); install gcc (apt-get install gcc)", e);
        }
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
