package dev.limajunit.junit.internal;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.junit.LimaVm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Everything a class asks of its VM, read from its annotations or its {@link LimaVm} field: the spec (as written),
 * how to boot it, and whether it may be shared. Two requests with the same {@link #key()} can share one VM.
 *
 * @param spec          the spec as written; a mount whose location is {@code null} gets a fresh temporary directory
 * @param freshMounts   indexes of the mounts that get a fresh temporary directory
 * @param engine        the requested engine
 * @param template      the Lima template ({@code ""}: the engine's default)
 * @param startTimeout  the unscaled start timeout
 * @param shared        whether other classes with the same key may use the same VM
 * @param declaration   the route it was declared by, and where, for messages ({@code @LimaInstance on
 *                      com.example.FooTest}, {@code LimaVm in com.example.FooTest.vm})
 */
@API(status = API.Status.INTERNAL)
public record InstanceRequest(
        InstanceSpec spec,
        Set<Integer> freshMounts,
        EngineChoice engine,
        String template,
        Duration startTimeout,
        boolean shared,
        Declaration declaration) {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    public InstanceRequest {
        freshMounts = Set.copyOf(freshMounts);
    }

    /** Where the request was declared, for messages. */
    public String origin() {
        return declaration.origin();
    }

    /** The same request for another mount type (one class template or parameterized invocation). */
    InstanceRequest withMountType(MountType type, String where) {
        return new InstanceRequest(spec.withMountType(type), freshMounts, engine, template, startTimeout, shared,
                declaration.at(origin() + " " + where));
    }

    InstanceRequest withOrigin(String value) {
        return new InstanceRequest(spec, freshMounts, engine, template, startTimeout, shared, declaration.at(value));
    }

    InstanceRequest withEngine(EngineChoice value) {
        return new InstanceRequest(spec, freshMounts, value, template, startTimeout, shared, declaration);
    }

    /**
     * A short, stable hash of what decides the VM (spec, engine, template, timeout; not the origin nor sharing):
     * the shared-instance key, and across runs the name a reusable instance is found by.
     */
    public String key() {
        String canonical = spec + "|fresh=" + freshMounts.stream().sorted().toList() + "|engine=" + engine
                + "|template=" + template + "|timeout=" + startTimeout;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
