package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.junit.ForEachMountType;
import dev.limajunit.junit.MountTypeSource;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The mount type of the VM a test runs against, and the lease it came from. */
final class CurrentMountType {

    private CurrentMountType() {
    }

    /**
     * The mount type the test runs on, decided by where it runs, never by whether its VM was leased yet: a
     * {@link MountTypeSource} invocation's type; else, from the test outwards, the first context that holds a lease
     * (its VM's type) or is a {@link ForEachMountType} invocation (its type, leased or not).
     */
    static Optional<MountType> of(ExtensionContext context) {
        if (context.getTestMethod().map(LimaExtension::isMountTypeSource).orElse(false)) {
            return MountTypeInvocations.of(context);
        }
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<MountType> leased = Leases.own(c).map(ClassLease::mountType);
            if (leased.isPresent()) {
                return leased;
            }
            Optional<MountType> invocation = templateInvocationType(c);
            if (invocation.isPresent()) {
                return invocation;
            }
        }
        return Optional.empty();
    }

    /** The type of a {@link ForEachMountType} invocation context itself (a store lookup also sees the parents'). */
    private static Optional<MountType> templateInvocationType(ExtensionContext context) {
        MountType own = templateType(context);
        MountType parents = context.getParent().map(CurrentMountType::templateType).orElse(null);
        return own != null && own != parents ? Optional.of(own) : Optional.empty();
    }

    private static MountType templateType(ExtensionContext context) {
        return context.getStore(LimaNamespace.NAMESPACE).get(LimaNamespace.TEMPLATE_MOUNT_TYPE, MountType.class);
    }

    /** The lease of the VM a test or lifecycle method runs against, if one was taken. */
    static Optional<ClassLease> lease(ExtensionContext context) {
        return Leases.nearest(context);
    }
}
