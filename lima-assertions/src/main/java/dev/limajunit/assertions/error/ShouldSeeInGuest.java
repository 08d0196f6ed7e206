package dev.limajunit.assertions.error;

import dev.limajunit.assertions.FileView;
import java.time.Duration;
import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/**
 * The guest's view of one path never met a condition (a symlink followed or not, an owner) in time. The
 * expectations are named here, so the wait's description and the message say the same thing.
 */
public final class ShouldSeeInGuest extends LimaErrorMessage {

    private ShouldSeeInGuest(Function<Representation, String> message) {
        super(message);
    }

    /** The guest shows what the host shows at the path now. */
    public static String toShowHostState() {
        return "to show what the host shows now (the state before a change) at";
    }

    /** The guest shows what a host symlink points to, and no symlink. */
    public static String toFollowSymlink() {
        return "to follow the symlink (show what it points to, no symlink) at";
    }

    /** The guest shows the host symlink itself, with its target. */
    public static String toShowSymlink(String target) {
        return "to show the symlink (not follow it), with target \"" + target + "\", at";
    }

    /** The guest sees this owner. */
    public static String toSeeOwner(int uid, int gid) {
        return "to see owner uid " + uid + " gid " + gid + " at";
    }

    /**
     * @param expectation what the guest should see, one of this class's {@code to...} phrases
     * @param polls       how many polls were made
     */
    public static ShouldSeeInGuest shouldSee(Object mount, String expectation, String path, Duration within,
            int polls, FileView guest, FileView host) {
        return new ShouldSeeInGuest(representation -> "Expecting the guest side of\n"
                + indent(representation.toStringOf(mount)) + "\n" + expectation + "\n  " + path + "\nwithin "
                + ms(within) + ", but after " + polls + (polls == 1 ? " poll" : " polls") + " the guest sees:\n  "
                + path + ": " + guest.describe() + "\nhost sees:\n  " + path + ": " + host.describe());
    }
}
