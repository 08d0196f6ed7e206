package dev.limajunit.core.engine;

import dev.limajunit.core.config.ResolvedInstance;
import java.util.Optional;

/**
 * Turns a resolved instance spec into a running VM. Every engine gives the same observable behaviour for the
 * same spec; {@code qemu} and {@code limactl} implement it.
 */
public interface Engine {

    /** "qemu" or "limactl". */
    String name();

    /** Why this engine cannot run on this host, in words; empty when it can. */
    Optional<String> unavailableReason();

    /**
     * Boots the instance and returns once every mount is verified mounted in the guest. Everything started on the
     * way is stopped again if this throws.
     *
     * @throws InstanceStartException with the reason and the diagnostics that explain it
     */
    Instance start(ResolvedInstance spec, StartOptions options);

    /**
     * An instance that a previous run left running under {@code options.name()} for this spec, ready to use; empty
     * when there is none, or when this engine cannot keep instances across runs. Used for opt-in reuse
     * ({@code lima.reuse}); the default finds nothing.
     */
    default Optional<Instance> attach(ResolvedInstance spec, StartOptions options) {
        return Optional.empty();
    }

    /** Whether this engine's instances can outlive the JVM that started them, so {@link #attach} may find one. */
    default boolean reusesAcrossRuns() {
        return false;
    }
}
