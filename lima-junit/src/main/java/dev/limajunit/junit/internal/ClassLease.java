package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import org.apiguardian.api.API;

/**
 * The VM a test class (or class template invocation, or parameterized invocation) runs against.
 *
 * @param pooled   where it came from (for failure marking)
 * @param instance the running VM
 */
@API(status = API.Status.INTERNAL)
public record ClassLease(PooledInstance pooled, Instance instance) {

    MountType mountType() {
        return instance.spec().mountType();
    }
}
