package dev.limajunit.core.engine.limactl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The host account the tests run as. Lima logs into its guests as a user of the same name, and refuses to run
 * as root at all.
 *
 * @param name the login name
 * @param uid  the numeric user id (0: root); -1 when it could not be found
 */
public record HostUser(String name, long uid) {

    public boolean isRoot() {
        return uid == 0;
    }

    /** The account this JVM runs as. */
    public static HostUser current() {
        return new HostUser(System.getProperty("user.name"), currentUid());
    }

    private static long currentUid() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (id.waitFor(10, TimeUnit.SECONDS) && id.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // not a Unix host: Lima's root check does not apply
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }
}
