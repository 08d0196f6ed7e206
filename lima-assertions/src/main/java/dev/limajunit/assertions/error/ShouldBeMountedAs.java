package dev.limajunit.assertions.error;

import java.util.function.Function;
import org.assertj.core.presentation.Representation;

/** The guest's kernel has the mount read-only where it should be writable, the other way round, or not at all. */
public final class ShouldBeMountedAs extends LimaErrorMessage {

    private ShouldBeMountedAs(Function<Representation, String> message) {
        super(message);
    }

    /**
     * @param readOnly  whether the mount should be read-only (else writable)
     * @param procMount the guest's /proc/mounts line for the mount point
     */
    public static ShouldBeMountedAs mountedOtherwise(Object mount, boolean readOnly, String procMount) {
        return new ShouldBeMountedAs(representation -> expecting(representation, mount, readOnly)
                + " in the guest, but the guest's /proc/mounts shows:\n" + indent(procMount));
    }

    /** @param readOnly whether the mount should be read-only (else writable) */
    public static ShouldBeMountedAs notMounted(Object mount, boolean readOnly, String guestPath) {
        return new ShouldBeMountedAs(representation -> expecting(representation, mount, readOnly)
                + " in the guest, but the guest's /proc/mounts has no entry at " + guestPath);
    }

    private static String expecting(Representation representation, Object mount, boolean readOnly) {
        return "Expecting mount\n" + indent(representation.toStringOf(mount)) + "\nto be mounted "
                + (readOnly ? "read-only" : "writable");
    }
}
