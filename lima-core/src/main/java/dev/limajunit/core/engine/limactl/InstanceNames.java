package dev.limajunit.core.engine.limactl;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How instance names carry their run: {@code lj-SESSION-REST}. Lima instance names must be identifiers
 * (letters and digits, single '-', '_' or '.' between them) and must not start with '_' (reserved by Lima).
 */
public final class InstanceNames {

    public static final String PREFIX = "lj-";
    /**
     * Instances kept across runs for opt-in reuse ({@code lima.reuse}): {@code ljreuse-SPECHASH}. They carry no
     * session, so the sweep of dead runs never matches them, and closing one leaves it running.
     */
    public static final String REUSE_PREFIX = "ljreuse-";

    private static final Pattern LIMA_NAME = Pattern.compile("[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*");
    private static final Pattern OURS = Pattern.compile("lj-([a-z0-9]+)-.+");

    private InstanceNames() {
    }

    /** A name of this session: {@code lj-SESSION-SUFFIX}. */
    public static String of(String session, String suffix) {
        return check(PREFIX + session + "-" + suffix);
    }

    /** The session id a name carries, if it is one of ours. */
    public static Optional<String> sessionOf(String name) {
        Matcher m = OURS.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Whether this is an instance kept across runs for reuse. */
    public static boolean isReusable(String name) {
        return name != null && name.startsWith(REUSE_PREFIX);
    }

    /** @throws IllegalArgumentException naming the value and Lima's rule */
    public static String check(String name) {
        if (name == null || !LIMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name \"" + name + "\" is not a valid Lima instance name:"
                    + " letters and digits, with single '-', '_' or '.' between them");
        }
        return name;
    }
}
