package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;

/**
 * The VM a test class (or class template invocation, or parameterized invocation) runs against.
 *
 * @param pooled   where it came from (for failure marking)
 * @param instance the running VM
 */
record ClassLease(PooledInstance pooled, Instance instance) {

    MountType mountType() {
        return instance.spec().mountType();
    }
}
