package dev.limajunit.junit.internal;

import org.apiguardian.api.API;

/**
 * Every key lima-junit reads or writes in one place: the configuration parameters it reads (from
 * {@code junit-platform.properties}, {@code -D...} or the {@code LIMA_...} environment variable of the same name),
 * and the report entries it publishes. docs/reference.md lists them for users.
 */
@API(status = API.Status.INTERNAL)
public final class LimaKeys {

    // --- configuration parameters ---

    public static final String ENGINE = "lima.engine";
    public static final String MOUNT_TYPES = "lima.mountTypes";
    public static final String REUSE = "lima.reuse";
    public static final String KEEP_ON_FAILURE = "lima.keepOnFailure";
    public static final String START_TIMEOUT_FACTOR = "lima.startTimeoutFactor";
    public static final String MAX_PARALLEL_BOOTS = "lima.maxParallelBoots";
    public static final String REQUIRE = "lima.require";
    /** The mount matrix report's directory. */
    public static final String REPORT_DIR = "lima.reportDir";

    // --- report entries ---

    /** Published by the class whose acquire booted a VM. */
    public static final String BOOTED = "lima.booted";
    /** Published by every other class that uses an already running VM. */
    public static final String REUSED = "lima.reused";
    /** Published once per run, by the first class that boots, when lima.reuse cannot work. */
    public static final String REUSE_IGNORED = "lima.reuse.ignored";
    /** A mount type that gets no invocation, with the reason. */
    public static final String MOUNT_TYPE_SKIPPED = "lima.mountType.skipped";
    /** A test failed as its known limitation declares. */
    public static final String KNOWN_LIMITATION = "lima.knownLimitation";
    /** A test failed on a declared type, but not the way its known limitation declares. */
    public static final String KNOWN_LIMITATION_UNDECLARED = "lima.knownLimitation.undeclared";
    /** The VM a failed test leaves running under lima.keepOnFailure, and how to connect. */
    public static final String KEPT_ON_FAILURE = "lima.keptOnFailure";

    private LimaKeys() {
    }
}
