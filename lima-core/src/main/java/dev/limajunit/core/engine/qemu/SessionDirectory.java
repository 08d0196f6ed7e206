package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.RunSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * This run's directory for instance files (serial logs, sockets, keys): {@code $TMPDIR/lima-junit-SESSION}, short so
 * that unix socket paths stay under 108 characters. Deleted when the JVM exits, unless {@code -Dlima.keepLogs=true}.
 */
final class SessionDirectory {

    private static volatile Path root;

    private SessionDirectory() {
    }

    static Path get() throws IOException {
        if (root == null) {
            synchronized (SessionDirectory.class) {
                if (root == null) {
                    Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
                            "lima-junit-" + RunSession.id()));
                    // Holds the per-run SSH keys: only this user may enter it, whatever the umask.
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                    if (!Boolean.getBoolean("lima.keepLogs")) {
                        // Shutdown hooks run concurrently with the process registry's: unlinking files a dying QEMU
                        // still holds open is harmless on Linux.
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> KitCache.deleteTree(dir),
                                "lima-junit-session-directory"));
                    }
                    root = dir;
                }
            }
        }
        return root;
    }
}
