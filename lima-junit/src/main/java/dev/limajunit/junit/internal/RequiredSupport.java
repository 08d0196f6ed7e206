package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.junit.LimaRequirementException;
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
     * Fails when this names the engine that cannot run here ({@code AUTO}: when it names any); returns when it
     * does not, and the caller skips as without {@code lima.require}.
     *
     * @param reason why it cannot run, in the selection's words
     * @throws LimaRequirementException naming the setting, the engine and the reason
     */
    void failIfEngineRequired(EngineChoice choice, String reason) {
        Optional<LimaRequirementException> failure = engineRequired(choice, reason);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /** The failure {@link #failIfEngineRequired} throws, for deciding a class before it runs. */
    Optional<LimaRequirementException> engineRequired(EngineChoice choice, String reason) {
        boolean required = choice == EngineChoice.AUTO ? !engines.isEmpty() : engines.containsKey(choice);
        if (!required) {
            return Optional.empty();
        }
        String what = choice == EngineChoice.AUTO ? String.join(" or ", names()) : choice.configName();
        return Optional.of(new LimaRequirementException(LimaKeys.REQUIRE + "=" + asWritten + " requires engine "
                + what + ", which cannot run here: " + reason));
    }

    /**
     * Fails when this requires the mount type of the engine chosen; returns when it does not, and the caller skips.
     *
     * @param engine the selection that chose an engine (available)
     * @param reason why the type cannot run, with where it was declared
     * @throws LimaRequirementException naming the setting, the type, the engine and the reason
     */
    void failIfMountTypeRequired(EngineSelection engine, MountType type, String reason) {
        Optional<LimaRequirementException> failure = mountTypeRequired(engine, type, reason);
        if (failure.isPresent()) {
            throw failure.get();
        }
    }

    /** The failure {@link #failIfMountTypeRequired} throws, for deciding a class before it runs. */
    Optional<LimaRequirementException> mountTypeRequired(EngineSelection engine, MountType type, String reason) {
        EngineChoice chosen = EngineChoice.parse(engine.requireEngine().name());
        if (!engines.getOrDefault(chosen, Set.of()).contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new LimaRequirementException(LimaKeys.REQUIRE + "=" + asWritten
                + " requires mount type " + type + " with engine " + chosen + ", which cannot run here: " + reason));
    }

    private List<String> names() {
        return engines.keySet().stream().sorted().map(EngineChoice::configName).toList();
    }
}
