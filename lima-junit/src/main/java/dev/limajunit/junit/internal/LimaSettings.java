package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.junit.LimaConfigurationException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The run-wide settings, each read from a JUnit configuration parameter (which covers {@code -D} system properties
 * and {@code junit-platform.properties}) and else from an environment variable ({@code lima.mountTypes} ->
 * {@code LIMA_MOUNT_TYPES}).
 *
 * @param engine             {@code lima.engine}: replaces {@code engine = AUTO} of every annotation
 * @param mountTypes         {@code lima.mountTypes}: run only these mount types (empty, or {@code all}: every type)
 * @param reuse              {@code lima.reuse}: keep VMs running after the run and reattach to them in the next
 * @param keepOnFailure      {@code lima.keepOnFailure}: leave a VM running when a test using it failed
 * @param startTimeoutFactor {@code lima.startTimeoutFactor}: scales every start timeout (slow CI: 2 or 3)
 * @param maxParallelBoots   {@code lima.maxParallelBoots}: how many VMs may boot at the same time
 * @param require            {@code lima.require}: engines and mount types that must run here (fail, never skip)
 */
@API(status = API.Status.INTERNAL)
public record LimaSettings(
        EngineChoice engine,
        Set<MountType> mountTypes,
        boolean reuse,
        boolean keepOnFailure,
        double startTimeoutFactor,
        int maxParallelBoots,
        RequiredSupport require) {


    public LimaSettings {
        mountTypes = mountTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mountTypes));
    }

    /**
     * Reads every setting.
     *
     * @param parameters a JUnit configuration parameter lookup ({@code ExtensionContext::getConfigurationParameter})
     * @param environment the process environment
     * @throws LimaConfigurationException naming the property, the value and the rule
     */
    static LimaSettings read(Function<String, Optional<String>> parameters, Map<String, String> environment) {
        Function<String, Optional<String>> lookup = key -> parameters.apply(key)
                .or(() -> Optional.ofNullable(environment.get(environmentName(key))))
                .map(String::trim)
                .filter(value -> !value.isEmpty());
        EngineChoice engine = lookup.apply(LimaKeys.ENGINE).map(v -> parse(LimaKeys.ENGINE, v, EngineChoice::parse))
                .orElse(EngineChoice.AUTO);
        Set<MountType> mountTypes = lookup.apply(LimaKeys.MOUNT_TYPES).map(LimaSettings::mountTypes).orElse(Set.of());
        boolean reuse = lookup.apply(LimaKeys.REUSE).map(v -> parse(LimaKeys.REUSE, v, LimaSettings::bool))
                .orElse(false);
        boolean keep = lookup.apply(LimaKeys.KEEP_ON_FAILURE).map(v -> parse(LimaKeys.KEEP_ON_FAILURE, v,
                LimaSettings::bool)).orElse(false);
        double factor = lookup.apply(LimaKeys.START_TIMEOUT_FACTOR).map(v -> parse(LimaKeys.START_TIMEOUT_FACTOR, v,
                LimaSettings::factor)).orElse(1.0);
        int parallel = lookup.apply(LimaKeys.MAX_PARALLEL_BOOTS).map(v -> parse(LimaKeys.MAX_PARALLEL_BOOTS, v,
                LimaSettings::positive))
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        RequiredSupport require = lookup.apply(LimaKeys.REQUIRE).map(v -> parse(LimaKeys.REQUIRE, v,
                RequiredSupport::parse))
                .orElse(RequiredSupport.NONE);
        for (MountType type : require.mountTypes()) {
            if (!mountTypes.isEmpty() && !mountTypes.contains(type)) {
                // A required type the run leaves out could never fail nor pass: a contradiction, not a skip.
                throw new LimaConfigurationException("configuration " + LimaKeys.REQUIRE + "=" + require.asWritten()
                        + " requires mount type " + type + ", which " + LimaKeys.MOUNT_TYPES + "=" + String.join(",",
                        mountTypes.stream().sorted().map(MountType::yamlName).toList()) + " leaves out; add it to "
                        + LimaKeys.MOUNT_TYPES + " or drop it from " + LimaKeys.REQUIRE);
            }
        }
        return new LimaSettings(engine, mountTypes, reuse, keep, factor, parallel, require);
    }

    /** {@code lima.mountTypes} -> {@code LIMA_MOUNT_TYPES}. */
    public static String environmentName(String property) {
        return property.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /**
     * The engine an annotation's choice resolves to: an explicit choice wins, {@code AUTO} takes {@code lima.engine}.
     */
    EngineChoice engineFor(EngineChoice declared) {
        return declared == EngineChoice.AUTO ? engine : declared;
    }

    /** Why {@code lima.mountTypes} leaves this type out, or empty when it runs. */
    Optional<String> excludes(MountType type) {
        if (mountTypes.isEmpty() || mountTypes.contains(type)) {
            return Optional.empty();
        }
        return Optional.of("mount type " + type + " is not in " + LimaKeys.MOUNT_TYPES + "="
                + mountTypes.stream().sorted().map(MountType::yamlName).reduce((a, b) -> a + "," + b).orElse(""));
    }

    Duration scale(Duration timeout) {
        return Duration.ofMillis(Math.round(timeout.toMillis() * startTimeoutFactor));
    }

    private static Set<MountType> mountTypes(String value) {
        if (value.equalsIgnoreCase("all")) {
            return Set.of();
        }
        Set<MountType> types = EnumSet.noneOf(MountType.class);
        for (String part : value.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            types.add(parse(LimaKeys.MOUNT_TYPES, name, MountType::fromYaml));
        }
        return types;
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not true or false");
        };
    }

    private static double factor(String value) {
        double factor;
        try {
            factor = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a number");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("\"" + value + "\" must be a number above 0");
        }
        return factor;
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + value + "\" must be a whole number of at least 1");
    }

    private static <T> T parse(String property, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new LimaConfigurationException("configuration " + property + " (or " + environmentName(property)
                    + "): " + e.getMessage());
        }
    }
}
