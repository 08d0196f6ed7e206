package dev.limajunit.assertions.error;

/** The guest's kernel has the mount read-only where it should be writable, the other way round, or not at all. */
public final class ShouldBeMountedAs extends LimaErrorMessage {

    private ShouldBeMountedAs(String message) {
        super(message);
    }

    /**
     * @param expected  "read-only" or "writable"
     * @param procMount the guest's /proc/mounts line for the mount point
     */
    public static ShouldBeMountedAs mountedOtherwise(Object mount, String expected, String procMount) {
        return new ShouldBeMountedAs("Expecting mount\n" + indent(String.valueOf(mount)) + "\nto be mounted " + expected
                + " in the guest, but the guest's /proc/mounts shows:\n" + indent(procMount));
    }

    public static ShouldBeMountedAs notMounted(Object mount, String expected, String guestPath) {
        return new ShouldBeMountedAs("Expecting mount\n" + indent(String.valueOf(mount)) + "\nto be mounted " + expected
                + " in the guest, but the guest's /proc/mounts has no entry at " + guestPath);
    }
}
