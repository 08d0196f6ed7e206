package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaRequirementException;
import dev.limajunit.junit.MountTypeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the declared mount types run here ({@link ForEachMountType}, {@link MountTypeSource}). A type that is
 * left out is never dropped silently: the reason is logged and published as a {@code lima.mountType.skipped} report
 * entry, and when no type is left the whole container is aborted with every reason. A type (or engine) that
 * {@code lima.require} names and that cannot run here fails the container instead.
 */
@API(status = API.Status.INTERNAL)
public final class MountTypeChoice {


    private static final Logger LOG = LoggerFactory.getLogger(MountTypeChoice.class);

    private MountTypeChoice() {
    }

    /**
     * @param engine   the engine chosen for the request
     * @param declared the annotation's types; empty: every mount type
     * @throws TestAbortedException when no engine can run here, or no declared type can
     * @throws LimaRequirementException when {@code lima.require} names the engine, or a declared type, that cannot
     */
    static List<MountType> runnable(ExtensionContext context, InstanceRequest request, EngineSelection engine,
            MountType[] declared) {
        LimaRun run = LimaRun.of(context);
        if (!engine.available()) {
            run.settings().require().failIfEngineRequired(run.settings().engineFor(request.engine()), engine.reason());
            throw new TestAbortedException(engine.reason());
        }
        Set<MountType> candidates = new LinkedHashSet<>(Arrays.asList(
                declared.length == 0 ? MountType.values() : declared));
        SpecResolver resolver = new SpecResolver(run.facts());
        List<MountType> runnable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (MountType type : candidates) {
            Optional<String> unsupported = resolver.unsupportedReason(request.spec().withMountType(type));
            if (unsupported.isPresent() && run.settings().excludes(type).isEmpty()) {
                run.settings().require().failIfMountTypeRequired(engine, type,
                        request.origin() + ": " + unsupported.get());
            }
            Optional<String> reason = run.settings().excludes(type).or(() -> unsupported);
            if (reason.isPresent()) {
                String line = type + ": " + reason.get();
                reasons.add(line);
                LOG.warn("lima-junit: {}: no invocation for {}", request.origin(), line);
                context.publishReportEntry(LimaKeys.MOUNT_TYPE_SKIPPED, line);
            } else {
                runnable.add(type);
            }
        }
        if (runnable.isEmpty()) {
            throw new TestAbortedException("no mount type can run for " + request.origin() + ": "
                    + String.join("; ", reasons));
        }
        for (MountType type : runnable) {
            // A broken rule fails the whole container here, before any invocation boots.
            Optional<LimaConfigurationException> problem =
                    SpecValidation.problems(request.withMountType(type, "[" + type + "]"), run.facts());
            if (problem.isPresent()) {
                throw problem.get();
            }
        }
        return runnable;
    }
}
