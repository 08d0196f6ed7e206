package dev.limajunit.core.engine.limactl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The directory Lima keeps its instances in ({@code $LIMA_HOME}, by default {@code ~/.lima}). Each instance puts unix
 * sockets below {@code $LIMA_HOME/NAME/}; the longest is ssh's control socket {@code ssh.sock} plus the 17 characters
 * ssh appends while creating it. A unix socket path must stay under 108 bytes on Linux and 104 on macOS, or Lima
 * fails late and obscurely, so the rule is checked before anything is created.
 *
 * @param dir       the directory
 * @param isPrivate whether it is this run's own short directory (removed when its last instance is deleted)
 */
public record LimaHome(Path dir, boolean isPrivate) {

    /** {@code ssh.sock.1234567890123456}: Lima's {@code filenames.LongestSock}. */
    static final String LONGEST_SOCKET = "ssh.sock.1234567890123456";

    /** The key Lima logs into every guest with. */
    public Path userPrivateKey() {
        return dir.resolve("_config").resolve("user");
    }

    public Path instanceDir(String name) {
        return dir.resolve(name);
    }

    /** The limit of a unix socket path on this host, in bytes, excluding the terminating NUL. */
    static int socketPathLimit(String osName) {
        return osName.toLowerCase().contains("mac") ? 103 : 107;
    }

    /**
     * @throws IllegalArgumentException naming LIMA_HOME, the instance, the length and the rule when the longest
     *                                  socket path of this instance would be too long
     */
    void checkSocketPaths(String instanceName, String osName) {
        String longest = dir.resolve(instanceName).resolve(LONGEST_SOCKET).toString();
        int length = longest.getBytes(StandardCharsets.UTF_8).length;
        int limit = socketPathLimit(osName);
        if (length > limit) {
            throw new IllegalArgumentException("LIMA_HOME \"" + dir + "\" is too long for instance \"" + instanceName
                    + "\": the instance's ssh socket path " + longest + " would be " + length
                    + " bytes, but unix socket paths must stay within " + limit + " bytes on this host"
                    + " (shorten LIMA_HOME, or set lima.limactl.privateHome=true to run under a short private one)");
        }
    }
}
