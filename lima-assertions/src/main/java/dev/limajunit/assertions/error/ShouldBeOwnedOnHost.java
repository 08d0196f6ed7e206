package dev.limajunit.assertions.error;

/** A file created in the guest is owned on the host by someone other than expected; both sides' view attached. */
public final class ShouldBeOwnedOnHost extends LimaErrorMessage {

    private ShouldBeOwnedOnHost(String message) {
        super(message);
    }

    /**
     * @param creator the guest identity that created it, e.g. {@code uid 65534 gid 65534 (as nobody)}
     * @param host    the host's view, e.g. {@code uid 0, gid 0, mode 644}
     * @param guest   the guest's view of the same file
     */
    public static ShouldBeOwnedOnHost ownedByAnother(Object mount, String path, String creator, int expectedUid,
                                                     String host, String guest) {
        return new ShouldBeOwnedOnHost("Expecting the file\n  " + path + "\ncreated in the guest by " + creator
                + " in\n  " + mount + "\nto be owned on the host by uid " + expectedUid + ", but it is not.\n"
                + "host sees:\n  " + path + ": " + host + "\nguest sees:\n  " + path + ": " + guest);
    }
}
