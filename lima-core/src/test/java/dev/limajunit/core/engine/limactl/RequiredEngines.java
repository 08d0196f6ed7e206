package dev.limajunit.core.engine.limactl;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The engines a run requires, read from {@code lima.require} (or {@code LIMA_REQUIRE}) as lima-junit reads it:
 * {@code ENGINE:TYPE,TYPE;ENGINE:TYPE}. lima-core's own integration tests run without the JUnit extension, so they
 * read just the engine names: a required engine that cannot run fails these tests instead of skipping them.
 */
final class RequiredEngines {

    private RequiredEngines() {
    }

    static Set<String> fromSystem() {
        return parse(System.getProperty("lima.require", System.getenv().getOrDefault("LIMA_REQUIRE", "")));
    }

    static Set<String> parse(String value) {
        Set<String> engines = new LinkedHashSet<>();
        for (String part : value.split(";")) {
            String engine = part.split(":", 2)[0].strip();
            if (!engine.isEmpty()) {
                engines.add(engine);
            }
        }
        return engines;
    }
}
