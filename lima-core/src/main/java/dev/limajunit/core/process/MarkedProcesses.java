package dev.limajunit.core.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the processes that carry a session marker by reading {@code /proc/PID/environ} (Linux). The environment is
 * inherited, so this also finds what QEMU, virtiofsd or sftp-server started in turn. Processes of other users cannot
 * be read and are not ours anyway.
 */
public final class MarkedProcesses {

    private static final Path PROC = Path.of("/proc");

    private MarkedProcesses() {
    }

    /** Whether this host has a readable /proc, which the sweep and the watchdog need. */
    public static boolean supported() {
        return Files.isReadable(PROC.resolve("self").resolve("environ"));
    }

    /** Every marked process, this JVM excluded. */
    public static List<MarkedProcess> all() {
        List<MarkedProcess> found = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, p -> p.getFileName().toString()
                .matches("\\d+"))) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                if (pid != self) {
                    read(entry, pid).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            return found;
        }
        return found;
    }

    /** The live processes of one session. */
    public static List<MarkedProcess> ofSession(String session) {
        return all().stream().filter(p -> p.session().equals(session)).toList();
    }

    private static Optional<MarkedProcess> read(Path entry, long pid) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(entry.resolve("environ"));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // gone, or another user's
        }
        String session = null;
        String owner = null;
        for (String variable : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            if (variable.startsWith(RunSession.ENV_VAR + "=")) {
                session = variable.substring(RunSession.ENV_VAR.length() + 1);
            } else if (variable.startsWith(RunSession.OWNER_ENV_VAR + "=")) {
                owner = variable.substring(RunSession.OWNER_ENV_VAR.length() + 1);
            }
        }
        if (session == null) {
            return Optional.empty();
        }
        return Optional.of(new MarkedProcess(pid, session, owner == null ? Optional.empty() : ProcessOwner.parse(owner),
                commandLine(entry)));
    }

    private static String commandLine(Path entry) {
        try {
            return new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ')
                    .strip();
        } catch (IOException e) {
            return "?";
        }
    }
}
