package dev.limajunit.assertions.error;

import dev.limajunit.assertions.FileView;
import java.time.Duration;

/** The guest's view of one path never met a condition (a symlink followed or not, an owner) in time. */
public final class ShouldSeeInGuest extends LimaErrorMessage {

    private ShouldSeeInGuest(String message) {
        super(message);
    }

    /**
     * @param expectation what the guest should see, e.g. "to follow the symlink", "to see the owner uid 0 gid 0 at"
     */
    public static ShouldSeeInGuest shouldSee(Object mount, String expectation, String path, Duration within,
            int polls, FileView guest, FileView host) {
        return new ShouldSeeInGuest("Expecting the guest side of\n" + indent(String.valueOf(mount)) + "\n" + expectation
                + "\n  " + path + "\nwithin " + ms(within) + ", but after " + polls + (polls == 1 ? " poll" : " polls")
                + " the guest sees:\n  " + path + ": " + guest.describe() + "\nhost sees:\n  " + path + ": "
                + host.describe());
    }
}
