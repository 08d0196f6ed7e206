package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.engine.InstanceStartException;

/**
 * QEMU ran but the guest printed nothing at all on its serial console for a long time: it stalled before its kernel
 * reached /init. Seen rarely under TCG on a loaded host; the engine restarts such a boot once.
 */
class GuestStalledException extends InstanceStartException {

    GuestStalledException(String message) {
        super(message);
    }
}
