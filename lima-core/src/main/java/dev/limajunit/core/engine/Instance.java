package dev.limajunit.core.engine;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.host.Virtiofsd;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A running VM with its mounts. Closing it stops the VM and every helper process it started. */
public interface Instance extends AutoCloseable {

    String name();

    String engineName();

    /**
     * What produces this VM's mount behaviour, for the matrix: the engine's name, then each part of Lima it emulates
     * rather than runs, e.g. {@code qemu, emulated host agent} when the qemu engine forwards host changes itself.
     */
    default String provenance() {
        return engineName();
    }

    ResolvedInstance spec();

    GuestShell shell();

    /** The declared mounts, in order, each verified mounted in the guest. */
    List<MountedDirectory> mounts();

    /** Boot phase name to its duration in milliseconds, in boot order. */
    Map<String, Long> bootPhases();

    /** Files that explain a failure (serial log, helper logs), by a short name. */
    Map<String, Path> diagnosticFiles();

    /**
     * The virtiofsd serving this VM's virtiofs mounts, when the engine started one (the qemu engine); empty for
     * other mount types and for engines that choose their own (Lima).
     */
    default Optional<Virtiofsd> virtiofsd() {
        return Optional.empty();
    }

    /** Whether the VM process is still alive. */
    boolean isRunning();

    /** Stops the VM and its helpers; idempotent. */
    @Override
    void close();
}
