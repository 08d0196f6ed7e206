package dev.limajunit.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations users write in annotations: {@code 90s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT90S}. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the value and the accepted forms */
    static Duration parse(String value) {
        String trimmed = value.trim();
        Matcher m = SHORT.matcher(trimmed);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + value + "\" is not a duration (write 90s, 5m, 1h or PT90S)");
        }
    }
}
