package dev.limajunit.junit.internal;

import dev.limajunit.junit.ForEachMountType;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/** The store namespace and keys every lima-junit extension shares. */
final class LimaNamespace {

    static final Namespace NAMESPACE = Namespace.create("dev.limajunit.junit");

    /** The class's (or class template invocation's) {@link ClassLease}. */
    static final String LEASE = "lease";

    /** The context's {@link ClassPlan}, suffixed with the context's unique id. */
    static final String PLAN = "plan";

    /** The {@link dev.limajunit.core.config.MountType} of a {@link ForEachMountType} invocation. */
    static final String TEMPLATE_MOUNT_TYPE = "templateMountType";

    private LimaNamespace() {
    }

    static String instanceKey(String requestKey) {
        return "instance:" + requestKey;
    }
}
