package dev.limajunit.core.engine;

import java.time.Duration;

/** Hears boot phases ("kit", "qemu", "kernel", "ssh", "mount[0]", ...) as they complete. */
@FunctionalInterface
public interface BootProgressListener {

    BootProgressListener NONE = (instance, phase, took) -> { };

    void phaseDone(String instance, String phase, Duration took);
}
