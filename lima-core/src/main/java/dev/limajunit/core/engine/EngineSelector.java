package dev.limajunit.core.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Picks the engine for an {@link EngineChoice}: {@code auto} takes limactl when it can run here (it is on PATH and
 * this is not root), else qemu, else says why neither can. Engines are created once per (name, template) and
 * reused, because creating one may probe the host.
 */
public final class EngineSelector {

    /**
     * One engine this selector can create.
     *
     * @param choice  the choice that names it ({@code LIMACTL} or {@code QEMU})
     * @param factory creates the engine for a Lima template ({@code ""}: the engine's default base)
     * @param names   turns a suffix into an instance name the engine accepts and recognises as this run's
     */
    public record Candidate(EngineChoice choice, Function<String, Engine> factory, UnaryOperator<String> names) {
        public Candidate {
            Objects.requireNonNull(choice, "choice");
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(names, "names");
            if (choice == EngineChoice.AUTO) {
                throw new IllegalArgumentException("a candidate names a concrete engine, not auto");
            }
        }
    }

    /** The order {@code auto} tries engines in: a real Lima install first, the self-contained qemu engine next. */
    private static final List<EngineChoice> AUTO_ORDER = List.of(EngineChoice.LIMACTL, EngineChoice.QEMU);

    private final Map<EngineChoice, Candidate> candidates;
    private final Map<String, Created> created = new ConcurrentHashMap<>();

    /** An engine, or why creating it failed. */
    private record Created(Engine engine, String failure) {}

    public EngineSelector(List<Candidate> candidates) {
        Map<EngineChoice, Candidate> byChoice = new EnumMap<>(EngineChoice.class);
        for (Candidate candidate : candidates) {
            byChoice.put(candidate.choice(), candidate);
        }
        this.candidates = byChoice;
    }

    /**
     * The engine for {@code choice} and {@code template}, or why it cannot run here.
     *
     * @param template a Lima template ({@code ""} for the engine's default)
     */
    public EngineSelection select(EngineChoice choice, String template) {
        Objects.requireNonNull(choice, "choice");
        String base = template == null ? "" : template.trim();
        if (choice != EngineChoice.AUTO) {
            String reason = unavailableReason(choice, base);
            return reason == null
                    ? selection(choice, base, "engine " + choice + " as requested")
                    : EngineSelection.unavailable("engine " + choice + " cannot run here: " + reason);
        }
        List<String> reasons = new ArrayList<>();
        for (EngineChoice next : AUTO_ORDER) {
            String reason = unavailableReason(next, base);
            if (reason == null) {
                return selection(next, base, "engine auto chose " + next
                        + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")"));
            }
            reasons.add(next + ": " + reason);
        }
        return EngineSelection.unavailable("no engine can run here: " + String.join("; ", reasons));
    }

    private EngineSelection selection(EngineChoice choice, String template, String reason) {
        return new EngineSelection(engine(choice, template).engine(), reason, candidates.get(choice).names());
    }

    /** Why the engine cannot run here, or {@code null} when it can. */
    private String unavailableReason(EngineChoice choice, String template) {
        if (!candidates.containsKey(choice)) {
            return "this build has no " + choice + " engine";
        }
        Created engine = engine(choice, template);
        if (engine.failure() != null) {
            return engine.failure();
        }
        return engine.engine().unavailableReason().orElse(null);
    }

    private Created engine(EngineChoice choice, String template) {
        return created.computeIfAbsent(choice + "\u0000" + template, key -> {
            try {
                return new Created(candidates.get(choice).factory().apply(template), null);
            } catch (RuntimeException e) {
                return new Created(null, "cannot set up the " + choice + " engine"
                        + (template.isEmpty() ? "" : " with template \"" + template + "\"") + ": " + e.getMessage());
            }
        });
    }
}
