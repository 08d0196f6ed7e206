package dev.limajunit.junit.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Where a context's {@link ClassLease} lives: in the store of the context that took it (a class, a class template
 * invocation or a parameterized invocation), keyed by that context's unique id so a nested class can tell its own
 * lease from its enclosing class's.
 */
@API(status = API.Status.INTERNAL)
public final class Leases {

    private Leases() {
    }

    static Optional<ClassLease> own(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(LimaNamespace.NAMESPACE).get(key(context), ClassLease.class));
    }

    /** The nearest lease: this context's, else an enclosing one's. */
    static Optional<ClassLease> nearest(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<ClassLease> lease = own(c);
            if (lease.isPresent()) {
                return lease;
            }
        }
        return Optional.empty();
    }

    /**
     * The context's lease, taken by {@code lease} once even when several threads ask at the same time. The lock is
     * an object of ours in the context's store, not the context; a lease that fails is not stored, so a later lookup
     * finds none instead of rethrowing (the pool remembers a failed boot itself).
     */
    @SuppressWarnings("deprecation") // computeIfAbsent is 6.0+; getOrComputeIfAbsent works on 5.13 and 6.x
    static ClassLease computeIfAbsent(ExtensionContext context, Supplier<ClassLease> lease) {
        Store store = context.getStore(LimaNamespace.NAMESPACE);
        Object lock = store.getOrComputeIfAbsent(key(context) + ":lock", key -> new Object(), Object.class);
        synchronized (lock) {
            Optional<ClassLease> own = own(context);
            if (own.isPresent()) {
                return own.get();
            }
            ClassLease taken = lease.get();
            store.put(key(context), taken);
            return taken;
        }
    }

    private static String key(ExtensionContext context) {
        return LimaNamespace.LEASE + ":" + context.getUniqueId();
    }
}
