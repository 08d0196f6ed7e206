package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How one mount is wired, in the order the engine calls it: helpers on the host before QEMU starts, QEMU arguments,
 * then the guest side once the shell is up. Closing it ends whatever it started.
 */
interface MountWiring extends AutoCloseable {

    ResolvedMount mount();

    /** Starts host helpers QEMU connects to (virtiofsd); nothing for most types. */
    default void startBeforeQemu() throws IOException {
    }

    /** The QEMU arguments for this mount's device. */
    List<String> qemuArguments();

    /**
     * Whether a guest restored from a boot snapshot gets this device hot-plugged ({@link #hotAdd}) instead of on the
     * command line: for devices QEMU cannot migrate.
     */
    default boolean hotPluggedOnRestore() {
        return false;
    }

    /** Adds the device to a restored, still paused guest over QMP; nothing for devices declared on the command line. */
    default void hotAdd(QmpClient qmp) throws IOException {
    }

    /** Whether QEMU needs guest memory shared with host processes (vhost-user devices). */
    default boolean needsSharedMemory() {
        return false;
    }

    /** The log of its host helper (virtiofsd, sshfs), for a failed start's diagnostics; empty when it has none. */
    default Optional<Path> helperLog() {
        return Optional.empty();
    }

    /** Mounts it in the guest; returns once the mount is in place (or throws saying why not). */
    void mountInGuest(GuestShell shell) throws IOException;

    /** Ends the helpers it started; idempotent. */
    @Override
    void close();
}
