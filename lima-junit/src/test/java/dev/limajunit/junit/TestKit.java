package dev.limajunit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.limajunit.junit.internal.LimaKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.OutputDirectoryProvider;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes on the Jupiter engine, the way a build would, and reads what they reported. */
public final class TestKit {

    private TestKit() {
    }

    /**
     * Runs {@code classes} with these configuration parameters. The test kit also passes this JVM's system
     * properties through, so {@code lima.require}, which CI sets for the whole build, is cleared here unless a test
     * sets it: a fixture that selects its own mount types must not meet the build's requirement.
     */
    @SuppressWarnings("deprecation") // outputDirectoryCreator is 6.0+; outputDirectoryProvider works on 5.x and 6.x
    public static EngineExecutionResults run(Map<String, String> configuration, Class<?>... classes) {
        Map<String, String> parameters = new HashMap<>(configuration);
        parameters.putIfAbsent(LimaKeys.REQUIRE, "");
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .configurationParameters(parameters)
                .outputDirectoryProvider(new TempOutputDirectories())
                .execute();
    }

    /** Gives published files somewhere to go (the test kit writes none by default). */
    @SuppressWarnings("deprecation")
    private static final class TempOutputDirectories implements OutputDirectoryProvider {
        private final Path root;

        TempOutputDirectories() {
            try {
                root = Files.createTempDirectory("lima-junit-testkit-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Path getRootDirectory() {
            return root;
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
            String name = descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return Files.createDirectories(root.resolve(name));
        }
    }

    /** The values of every report entry with this key, across all events of the run. */
    public static List<String> reportEntries(EngineExecutionResults results, String key) {
        return results.allEvents().stream()
                .filter(e -> e.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(key))
                .map(pairs -> pairs.get(key))
                .toList();
    }

    /** Display names of the events of a type, for messages. */
    public static List<String> names(List<Event> events) {
        return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }
}
