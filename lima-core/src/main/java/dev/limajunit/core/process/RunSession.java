package dev.limajunit.core.process;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The id of this JVM's test run. Every process the run starts carries it in {@link #ENV_VAR}, so a later sweep (or a
 * watchdog) can tell this run's VMs and helpers from another run's.
 */
public final class RunSession {

    /** The environment variable that carries the session id into every child process. */
    public static final String ENV_VAR = "LIMA_JUNIT_SESSION";

    /**
     * The environment variable that names the JVM that started the process ({@link ProcessOwner#marker()}), so that a
     * sweep ends only the processes of runs whose JVM is gone.
     */
    public static final String OWNER_ENV_VAR = "LIMA_JUNIT_OWNER";

    private static final String ID = newId();

    private RunSession() {
    }

    /**
     * Where this run keeps its files (instance directories with per-run SSH keys, logs, sockets):
     * {@code $java.io.tmpdir/lima-junit-ID}. Not created here. The {@link OrphanWatchdog} deletes it if the JVM dies.
     */
    public static Path directory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "lima-junit-" + ID);
    }

    /** A short random id, fixed for the life of this JVM (8 hex digits). */
    public static String id() {
        return ID;
    }

    private static String newId() {
        byte[] bytes = new byte[4];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
