package dev.limajunit.junit.internal;

import dev.limajunit.junit.matrix.MountMatrixListener;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Hands {@link PinnedTest}s from {@link BehaviourExtension} (which sees the test's context) to
 * {@link MountMatrixListener} (which sees its outcome), keyed by the test's unique id. JVM-wide because the
 * extension and the listener are instantiated by different parts of JUnit.
 */
@API(status = API.Status.INTERNAL)
public final class PinnedTests {

    private static final Map<String, PinnedTest> BY_UNIQUE_ID = new ConcurrentHashMap<>();

    private PinnedTests() {
    }

    static void put(PinnedTest test) {
        BY_UNIQUE_ID.put(test.uniqueId(), test);
    }

    /** Removes and returns what the test with this unique id pinned. */
    public static Optional<PinnedTest> take(String uniqueId) {
        return Optional.ofNullable(BY_UNIQUE_ID.remove(uniqueId));
    }
}
