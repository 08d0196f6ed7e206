package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lima.require}: the engines, and per engine the mount types, that must run on this host. What it names
 * and cannot run here fails the class (or container) instead of skipping it, so a CI machine that lost its
 * virtiofsd or its QEMU turns red rather than green with skips. Written {@code qemu:9p,virtiofs;limactl}: groups
 * separated by {@code ;}, each an engine ({@code qemu} or {@code limactl}) and, after {@code :}, a comma list of
 * mount types; an engine alone requires only that it runs.
 *
 * @param engines   each required engine with the mount types required of it
 * @param asWritten the setting as written, for messages
 */
record RequiredSupport(Map<EngineChoice, Set<MountType>> engines, String asWritten) {

    static final RequiredSupport NONE = new RequiredSupport(Map.of(), "");

    RequiredSupport {
        engines = Map.copyOf(engines);
    }

    /** @throws IllegalArgumentException naming the part of the value that breaks the grammar */
    static RequiredSupport parse(String value) {
        Map<EngineChoice, Set<MountType>> engines = new EnumMap<>(EngineChoice.class);
        for (String group : value.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            String[] parts = group.split(":", -1);
            if (parts.length > 2) {
                throw new IllegalArgumentException("\"" + group.trim() + "\" has more than one ':' (write"
                        + " ENGINE:TYPE,TYPE, groups separated by ';')");
            }
            EngineChoice engine = EngineChoice.parse(parts[0]);
            if (engine == EngineChoice.AUTO) {
                throw new IllegalArgumentException("\"" + parts[0].trim() + "\" is no engine one can require;"
                        + " name \"qemu\" or \"limactl\"");
            }
            Set<MountType> types = engines.computeIfAbsent(engine, e -> EnumSet.noneOf(MountType.class));
            if (parts.length == 2) {
                for (String type : parts[1].split(",")) {
                    if (!type.isBlank()) {
                        types.add(MountType.fromYaml(type.trim()));
                    }
                }
            }
        }
        return new RequiredSupport(engines, value.trim());
    }

    /** Every mount type some engine is required to run. */
    Set<MountType> mountTypes() {
        Set<MountType> all = EnumSet.noneOf(MountType.class);
        engines.values().forEach(all::addAll);
        return all;
    }

    /**
     * The failure for an engine that cannot run here, when this names it ({@code AUTO}: when it names any);
     * empty: skip, as without {@code lima.require}.
     *
     * @param reason why it cannot run, in the selection's words
     */
    Optional<LimaRequirementException> engineUnavailable(EngineChoice choice, String reason) {
        boolean required = choice == EngineChoice.AUTO ? !engines.isEmpty() : engines.containsKey(choice);
        if (!required) {
            return Optional.empty();
        }
        String what = choice == EngineChoice.AUTO ? "engine " + String.join(" or ", names()) : "engine " + choice;
        return Optional.of(new LimaRequirementException(LimaSettings.REQUIRE + "=" + asWritten + " requires " + what
                + ", which cannot run here: " + reason));
    }

    /**
     * The failure for a mount type the engine cannot run here, when this requires it of that engine; empty: skip.
     *
     * @param reason why it cannot run, with where it was declared
     */
    Optional<LimaRequirementException> mountTypeUnavailable(EngineChoice engine, MountType type, String reason) {
        if (!engines.getOrDefault(engine, Set.of()).contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new LimaRequirementException(LimaSettings.REQUIRE + "=" + asWritten + " requires mount type "
                + type + " with engine " + engine + ", which cannot run here: " + reason));
    }

    private List<String> names() {
        return engines.keySet().stream().sorted().map(EngineChoice::configName).toList();
    }
}
