package dev.limajunit.core.engine.limactl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.limajunit.core.process.RunSession;
import java.security.SecureRandom;

/**
 * Run liveness through OS file locks: a run holds an exclusive lock on {@code DIR/SESSION.lock} for as long as its
 * JVM lives. The OS drops the lock when the process dies however it dies, so a lock file that can be locked belongs
 * to a dead run.
 */
final class SessionLocks implements RunLiveness {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Path dir;
    private final String session;
    /** Kept reachable: a collected channel is closed, and closing it would release the lock. */
    private final FileChannel channel;
    private final FileLock lock;

    private SessionLocks(Path dir, String session, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.session = session;
        this.channel = channel;
        this.lock = lock;
    }

    private static volatile SessionLocks jvmSession;

    /** This JVM's session ({@link RunSession#id()}, shared with the qemu engine) in the default directory. */
    public static SessionLocks jvmSession() {
        SessionLocks session = jvmSession;
        if (session == null) {
            synchronized (SessionLocks.class) {
                session = jvmSession;
                if (session == null) {
                    session = start(defaultDirectory(), RunSession.id());
                    jvmSession = session;
                }
            }
        }
        return session;
    }

    /** Starts a new session with a random id, locked in {@code dir} until this JVM exits. */
    public static SessionLocks start(Path dir) {
        return start(dir, randomId(8));
    }

    /** Holds the session {@code session} (lower-case letters and digits) in {@code dir} until this JVM exits. */
    public static SessionLocks start(Path dir, String session) {
        if (!session.matches("[a-z0-9]+")) {
            throw new IllegalArgumentException("session id \"" + session + "\" must be lower-case letters and digits");
        }
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(session + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            return new SessionLocks(dir, session, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the session lock in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The lock directory every run of this user shares. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"), "lima-junit-" + System.getProperty("user.name"),
                "sessions");
    }

    @Override
    public String currentSession() {
        return session;
    }

    @Override
    public boolean isAlive(String sessionId) {
        if (sessionId.equals(session)) {
            return lock.isValid();
        }
        Path file = dir.resolve(sessionId + ".lock");
        if (!Files.exists(file)) {
            // no lock file: a run that never registered here (another machine's tmp, or wiped): treat as dead
            return false;
        }
        try (FileChannel other = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock probe = other.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            Files.deleteIfExists(file);
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        } catch (IOException e) {
            return true; // cannot tell: never delete what may be alive
        }
    }

    static String randomId(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    @Override
    public String toString() {
        return "session " + session + (lock.isValid() ? " (held)" : " (released)");
    }
}
