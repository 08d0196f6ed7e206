package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.MountTypeSource;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Instance}, {@link GuestShell}, {@link MountedDirectory} and watcher parameters of a
 * {@link MountTypeSource} invocation to a VM of that invocation's mount type (booted or reused on first use, per the
 * method's
 * {@link LimaInstance#shared()}).
 */
@API(status = API.Status.INTERNAL)
public final class MountTypeInvocationResolver implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return InstanceParameters.VM_TYPES.contains(parameter.getParameter().getType())
                && context.getTestMethod().map(LimaExtension::isMountTypeSource).orElse(false);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return InstanceParameters.resolve(parameter, context, leaseFor(context).instance());
    }

    static ClassLease leaseFor(ExtensionContext context) {
        return Leases.own(context).orElseGet(() -> Leases.computeIfAbsent(context, () -> {
            ClassPlan.Runs plan = MountTypeInvocations.plan(context).orElseThrow(() -> new ParameterResolutionException(
                    "no mount type for " + context.getUniqueId() + ": use @MountTypeSource as the method's only"
                            + " arguments source"));
            return InstancePool.lease(context, plan);
        }));
    }
}
