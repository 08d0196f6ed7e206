package dev.limajunit.assertions.error;

import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/** A file created in the guest is owned on the host by someone other than expected; both sides' view attached. */
public final class ShouldBeOwnedOnHost extends LimaErrorMessage {

    private ShouldBeOwnedOnHost(Function<Representation, String> message) {
        super(message);
    }

    /**
     * The guest identity that created the file.
     *
     * @param user the guest user it was created as, or {@code null} for the guest shell's own identity
     */
    public record Creator(int uid, String gid, String user) {
        @Override
        public String toString() {
            return "uid " + uid + " gid " + gid + (user == null ? " (the guest shell)" : " (as " + user + ")");
        }
    }

    /** One side's owner and permission bits of the file, as that side shows them (mode in octal). */
    public record Owner(String uid, String gid, String mode) {
        @Override
        public String toString() {
            return "uid " + uid + ", gid " + gid + ", mode " + mode;
        }
    }

    public static ShouldBeOwnedOnHost ownedByAnother(Object mount, String path, Creator creator, int expectedUid,
            Owner host, Owner guest) {
        return new ShouldBeOwnedOnHost(representation -> "Expecting the file\n  " + path
                + "\ncreated in the guest by " + creator + " in\n  " + representation.toStringOf(mount)
                + "\nto be owned on the host by uid " + expectedUid + ", but it is not.\n"
                + "host sees:\n  " + path + ": " + host + "\nguest sees:\n  " + path + ": " + guest);
    }
}
