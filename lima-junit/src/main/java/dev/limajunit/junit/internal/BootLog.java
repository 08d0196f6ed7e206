package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.BootProgressListener;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each boot phase as it completes, with its time, so a slow boot shows where the time went. */
final class BootLog implements BootProgressListener {

    private static final Logger LOG = LoggerFactory.getLogger(BootLog.class);

    private final String origin;

    BootLog(String origin) {
        this.origin = origin;
    }

    @Override
    public void phaseDone(String instance, String phase, Duration took) {
        LOG.info("lima-junit: instance {}: {} done in {} ({})", instance, phase, seconds(took.toMillis()), origin);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
