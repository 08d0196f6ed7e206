package dev.limajunit.core.engine.limactl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        return new HostUser(System.getProperty("user.name"), parseUid(run("id", "-u")));
    }

    /**
     * Another account of this host, by login name.
     *
     * @throws IllegalArgumentException naming the account when this host has no such user
     */
    public static HostUser named(String name) {
        long uid = parseUid(run("id", "-u", name));
        if (uid < 0) {
            throw new IllegalArgumentException("lima.limactl.user \"" + name + "\": this host has no such user"
                    + " (bin/install-lima creates one when run as root)");
        }
        return new HostUser(name, uid);
    }

    /** The account's home directory, from the host's user database. */
    public Path home() {
        String entry = run("getent", "passwd", name);
        String[] fields = entry == null ? new String[0] : entry.strip().split(":");
        return fields.length >= 6 ? Path.of(fields[5]) : Path.of(System.getProperty("user.home"));
    }

    private static long parseUid(String out) {
        try {
            return out == null ? -1 : Long.parseLong(out.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A command's output, or null when it failed or cannot run (not a Unix host: Lima's root rule does not apply). */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
