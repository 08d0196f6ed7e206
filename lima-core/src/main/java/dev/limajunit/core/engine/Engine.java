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
}
