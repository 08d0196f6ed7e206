package dev.limajunit.core.engine;

import java.time.Duration;

/**
 * How to start an instance.
 *
 * @param name         a short, unique instance name (carries the run's session id)
 * @param startTimeout how long the boot may take until the first guest command, already scaled for slow hosts
 * @param progress     receives boot phases with their times
 */
public record StartOptions(String name, Duration startTimeout, BootProgressListener progress) {

    public static StartOptions named(String name) {
        return new StartOptions(name, Duration.ofMinutes(3), BootProgressListener.NONE);
    }

    public StartOptions withStartTimeout(Duration value) {
        return new StartOptions(name, value, progress);
    }

    public StartOptions withProgress(BootProgressListener value) {
        return new StartOptions(name, startTimeout, value);
    }
}
