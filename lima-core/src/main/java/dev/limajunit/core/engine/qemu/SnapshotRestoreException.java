package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.engine.InstanceStartException;

/** Restoring a boot snapshot failed; everything it started is stopped, and the engine boots the guest cold instead. */
final class SnapshotRestoreException extends InstanceStartException {

    private static final long serialVersionUID = 1L;

    SnapshotRestoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
