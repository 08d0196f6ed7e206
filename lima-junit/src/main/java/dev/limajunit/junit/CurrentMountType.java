package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The mount type of the VM a test runs against, and the lease it came from. */
final class CurrentMountType {

    private CurrentMountType() {
    }

    static Optional<MountType> of(ExtensionContext context) {
        if (context.getTestMethod().map(LimaExtension::isMountTypeSource).orElse(false)) {
            return MountTypeInvocations.of(context);
        }
        return Leases.nearest(context).map(ClassLease::mountType);
    }

    /** The lease of the VM a test or lifecycle method runs against, if one was taken. */
    static Optional<ClassLease> lease(ExtensionContext context) {
        return Leases.nearest(context);
    }
}
