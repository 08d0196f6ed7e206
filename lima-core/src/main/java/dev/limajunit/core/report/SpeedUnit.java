package dev.limajunit.core.report;

/** What a {@link SpeedFigure} counts, and which way is better. */
public enum SpeedUnit {

    /** Elapsed time of a workload: less is better. */
    SECONDS("s", true),
    /** Throughput: more is better. */
    MB_PER_SECOND("MB/s", false);

    private final String symbol;
    private final boolean lowerIsBetter;

    SpeedUnit(String symbol, boolean lowerIsBetter) {
        this.symbol = symbol;
        this.lowerIsBetter = lowerIsBetter;
    }

    public String symbol() {
        return symbol;
    }

    public boolean lowerIsBetter() {
        return lowerIsBetter;
    }

    /** @throws IllegalArgumentException naming the symbols there are */
    public static SpeedUnit fromSymbol(String symbol) {
        for (SpeedUnit unit : values()) {
            if (unit.symbol.equals(symbol)) {
                return unit;
            }
        }
        throw new IllegalArgumentException("unit \"" + symbol + "\" is none of s, MB/s");
    }
}
