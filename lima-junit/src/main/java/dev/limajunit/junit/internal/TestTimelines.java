package dev.limajunit.junit.internal;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link MountTimeline}s of one test, one per mount, kept in the store of the test method's context. That is
 * the context {@code @BeforeEach}, the test and {@code @AfterEach} resolve parameters in, so all three get the same
 * watcher, and the one JUnit closes after {@code @AfterEach}: closing stops every watcher.
 *
 * <p>Closed as an {@link AutoCloseable} (Jupiter 5.13 and later, by default) and, where a build turned that off
 * ({@code junit.jupiter.extensions.store.close.autocloseable.enabled=false}), as a {@code CloseableResource}:
 * JUnit calls exactly one of the two.
 */
@SuppressWarnings("deprecation") // CloseableResource: still honoured by 5.14 and 6.x when AutoCloseable closing is off
final class TestTimelines implements AutoCloseable, ExtensionContext.Store.CloseableResource {

    private final Map<GuestPath, MountTimeline> byMount = new LinkedHashMap<>();

    /** The test's timelines, created on first use; {@code context} must be a test method's context. */
    static TestTimelines of(ExtensionContext context) {
        return context.getStore(LimaNamespace.NAMESPACE)
                .getOrComputeIfAbsent(key(context), k -> new TestTimelines(), TestTimelines.class);
    }

    /** The test's timelines, if any parameter asked for one. */
    static Optional<TestTimelines> existing(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(LimaNamespace.NAMESPACE).get(key(context), TestTimelines.class));
    }

    synchronized MountTimeline on(MountedDirectory mount) {
        return byMount.computeIfAbsent(mount.guestPath(), p -> new MountTimeline(mount));
    }

    synchronized List<MountTimeline> all() {
        return List.copyOf(byMount.values());
    }

    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (MountTimeline timeline : all()) {
            try {
                timeline.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }

    /** Keyed by the test's unique id, so a parent store's entry is never mistaken for this test's. */
    private static String key(ExtensionContext context) {
        return "timelines:" + context.getUniqueId();
    }
}
