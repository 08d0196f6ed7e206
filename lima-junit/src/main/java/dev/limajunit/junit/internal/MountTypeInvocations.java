package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.junit.MountTypeSource;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which mount type a {@link MountTypeSource} invocation runs, and with which request and engine. JUnit numbers a
 * template's invocations from 1 in the last segment of their unique id ({@code [test-template-invocation:#2]}), in
 * the order the arguments came; the provider records that order, with its decision, in the method's store.
 */
final class MountTypeInvocations {

    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");
    private static final String DECIDED = "mountTypeSource.decided";

    /**
     * What the provider decided for the method, once.
     *
     * @param request the method's request (every mount type)
     * @param engine  the engine chosen for it (available)
     * @param types   the runnable types, in invocation order
     */
    record Decided(InstanceRequest request, EngineSelection engine, List<MountType> types) {

        Decided {
            types = List.copyOf(types);
        }
    }

    private MountTypeInvocations() {
    }

    static void record(ExtensionContext methodContext, Decided decided) {
        methodContext.getStore(LimaNamespace.NAMESPACE).put(DECIDED, decided);
    }

    /** The mount type of this invocation context; empty outside a {@link MountTypeSource} invocation. */
    static Optional<MountType> of(ExtensionContext invocationContext) {
        return decided(invocationContext).map(Invocation::type);
    }

    /** What this invocation boots: the method's request for its mount type, with the method's engine. */
    static Optional<ClassPlan.Runs> plan(ExtensionContext invocationContext) {
        return decided(invocationContext).map(d -> new ClassPlan.Runs(
                d.decided().request().withMountType(d.type(), "[" + d.type() + "]"), d.decided().engine(), false,
                d.type() + " runs here (" + d.decided().engine().reason() + ")"));
    }

    private record Invocation(Decided decided, MountType type) {
    }

    private static Optional<Invocation> decided(ExtensionContext invocationContext) {
        Matcher m = INVOCATION.matcher(invocationContext.getUniqueId());
        if (!m.find() || invocationContext.getParent().isEmpty()) {
            return Optional.empty();
        }
        Decided decided = invocationContext.getParent().get().getStore(LimaNamespace.NAMESPACE)
                .get(DECIDED, Decided.class);
        int index = Integer.parseInt(m.group(1)) - 1;
        return decided == null || index >= decided.types().size()
                ? Optional.empty()
                : Optional.of(new Invocation(decided, decided.types().get(index)));
    }
}
