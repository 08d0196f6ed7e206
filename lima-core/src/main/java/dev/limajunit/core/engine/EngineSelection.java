package dev.limajunit.core.engine;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The outcome of choosing an engine: the engine and how it names instances, or why none can run on this host (in
 * words, for skipping a test).
 *
 * @param engine the chosen engine, or {@code null} when none is usable
 * @param reason why this engine was chosen, or why none could be
 * @param names  turns a suffix into an instance name this engine accepts and recognises as this run's
 */
public record EngineSelection(Engine engine, String reason, UnaryOperator<String> names) {

    public EngineSelection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(names, "names");
    }

    public static EngineSelection unavailable(String reason) {
        return new EngineSelection(null, reason, suffix -> {
            throw new IllegalStateException("no engine: " + reason);
        });
    }

    /** The engine; only call when {@link #available()}. */
    public Engine requireEngine() {
        if (engine == null) {
            throw new IllegalStateException("no engine: " + reason);
        }
        return engine;
    }

    public boolean available() {
        return engine != null;
    }

    /** The name for an instance of this run: {@code lj-SESSION-SUFFIX} for the standard engines. */
    public String instanceName(String suffix) {
        return names.apply(suffix);
    }
}
