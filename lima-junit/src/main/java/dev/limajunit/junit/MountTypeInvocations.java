package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which mount type a {@link MountTypeSource} invocation runs. JUnit numbers a template's invocations from 1 in the
 * last segment of their unique id ({@code [test-template-invocation:#2]}), in the order the arguments came; the
 * provider records that order in the method's store.
 */
final class MountTypeInvocations {

    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");
    private static final String TYPES = "mountTypeSource.types";

    private MountTypeInvocations() {
    }

    static void record(ExtensionContext methodContext, List<MountType> types) {
        methodContext.getStore(LimaNamespace.NAMESPACE).put(TYPES, List.copyOf(types));
    }

    /** The mount type of this invocation context; empty outside a {@link MountTypeSource} invocation. */
    @SuppressWarnings("unchecked")
    static Optional<MountType> of(ExtensionContext invocationContext) {
        Matcher m = INVOCATION.matcher(invocationContext.getUniqueId());
        if (!m.find() || invocationContext.getParent().isEmpty()) {
            return Optional.empty();
        }
        List<MountType> types = invocationContext.getParent().get().getStore(LimaNamespace.NAMESPACE).get(TYPES, List.class);
        int index = Integer.parseInt(m.group(1)) - 1;
        return types == null || index >= types.size() ? Optional.empty() : Optional.of(types.get(index));
    }
}
