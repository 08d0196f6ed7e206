package dev.limajunit.core.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as Lima writes them ({@code "128KiB"}, {@code "4GiB"}, {@code "512m"}, {@code "1.5GiB"}, {@code "4096"}).
 * Lima parses them with go-units' RAMInBytes: the units are binary whatever the spelling ({@code k}, {@code KB} and
 * {@code KiB} all mean 1024).
 */
public final class ByteSize {

    private static final Pattern SIZE = Pattern.compile("^(\\d+(?:\\.\\d+)?) ?([kKmMgGtTpP])?[iI]?[bB]?$");

    private ByteSize() {
    }

    /**
     * @return the size in bytes
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    public static long parse(String text) {
        Matcher m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a size (a number with an optional unit: B, "
                    + "KiB, MiB, GiB, TiB)");
        }
        int shift = m.group(2) == null ? 0 : switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 50;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(2).pow(shift));
        try {
            return bytes.setScale(0, RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too large", e);
        }
    }

    /** The shortest exact spelling Lima would write: {@code 131072 -> "128KiB"}, {@code 1000 -> "1000B"}. */
    public static String format(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int unit = 0;
        long value = bytes;
        while (unit < units.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + units[unit];
    }
}
