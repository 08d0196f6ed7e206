package dev.limajunit.core.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a test acts as in the guest. Lima logs in as its user: the host user's name and uid, home
 * {@code /home/NAME.guest} (Lima 2.1+), root through sudo. Tests on the qemu engine act as the same user by default,
 * so that ownership and permission results mean the same on both engines; {@code lima.guestUser=root} (or
 * {@code LIMA_JUNIT_GUEST_USER=root}) makes them act as root instead.
 *
 * <p>Lima's fallbacks apply: a host name that is no valid Linux user name, or the reserved {@code admin}, becomes
 * {@code lima}. Lima refuses to run as root at all, so a JVM running as root has no Lima user to mirror: it acts as
 * root, which keeps what Lima's rule is for, the guest's uid matching the owner of the files the tests create on the
 * host (an unprivileged guest user could not write the root-owned files of a 9p or virtiofs mount). To compare with
 * Lima's user, run the tests as an unprivileged account, as {@code .ci/limactl-phase} does.
 *
 * @param name the guest login name
 * @param uid  the guest user id
 * @param gid  the guest user's primary group id
 * @param home the guest home directory
 */
public record GuestUser(String name, long uid, long gid, String home) {

    /** The setting that chooses between Lima's user (the default) and root. */
    public static final String PROPERTY = "lima.guestUser";
    public static final String ENVIRONMENT = "LIMA_JUNIT_GUEST_USER";

    private static final Pattern LINUX_USER_NAME = Pattern.compile("^[a-z_][a-z0-9_-]*$");
    private static final String FALLBACK_NAME = "lima";
    private static final long FALLBACK_ID = 1000;

    public GuestUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(home, "home");
        if (!LINUX_USER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("guest user name \"" + name + "\" is not a valid Linux user name"
                    + " (it must match " + LINUX_USER_NAME.pattern() + ")");
        }
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("guest user " + name + ": uid " + uid + " and gid " + gid
                    + " must not be negative");
        }
    }

    public static GuestUser root() {
        return new GuestUser("root", 0, 0, "/root");
    }

    /** The user Lima would log in as for a host user of this name, uid and gid. */
    public static GuestUser limaUserFor(String hostName, long hostUid, long hostGid) {
        if (hostUid == 0) {
            return root();
        }
        String name = hostName != null && LINUX_USER_NAME.matcher(hostName).matches() && !hostName.equals("admin")
                ? hostName : FALLBACK_NAME;
        return new GuestUser(name, hostUid, hostGid, home(name));
    }

    /** Lima's user for the account this JVM runs as. */
    public static GuestUser limaUserForThisJvm() {
        return limaUserFor(System.getProperty("user.name"), processId("unix:uid"), processId("unix:gid"));
    }

    /**
     * From {@code -Dlima.guestUser} or {@code LIMA_JUNIT_GUEST_USER}: {@code lima} (the default) or {@code root}.
     *
     * @throws IllegalArgumentException naming the setting, the value and the choices
     */
    public static GuestUser fromSystem() {
        String value = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
            source = ENVIRONMENT;
        }
        return parse(value, source);
    }

    static GuestUser parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return limaUserForThisJvm();
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "lima" -> limaUserForThisJvm();
            case "root" -> root();
            default -> throw new IllegalArgumentException(source + "=" + value + ": the guest user must be \"lima\""
                    + " (Lima's user: the host user's name and uid, the default) or \"root\"");
        };
    }

    public boolean isRoot() {
        return uid == 0;
    }

    private static String home(String name) {
        return "/home/" + name + ".guest";
    }

    /** The JVM's own uid or gid: the owner of /proc/self. Not Linux: the fallback id, as Lima uses on Windows. */
    private static long processId(String attribute) {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), attribute)).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return FALLBACK_ID;
        }
    }
}
