package dev.limajunit.core.shell;

import java.util.Arrays;

/**
 * The cost of one guest command over an existing session (what every poll of a mount assertion pays), measured and
 * printed by the engines' ITs so the fidelity diff's latency classes can be read against it. A measurement, not a
 * verdict.
 */
public final class ExecRoundTrip {

    private ExecRoundTrip() {
    }

    /** Median milliseconds of {@code count} runs of {@code true}, after one unmeasured run. */
    public static double medianMillis(GuestShell shell, int count) {
        shell.execChecked("true");
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            shell.execChecked("true");
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return count % 2 == 1 ? millis[count / 2] : (millis[count / 2 - 1] + millis[count / 2]) / 2;
    }

    /** Prints {@code lima-junit exec round trip (WHAT): median N ms of 21} and returns the median. */
    public static double report(String what, GuestShell shell) {
        double median = medianMillis(shell, 21);
        System.out.printf("lima-junit exec round trip (%s): median %.1f ms of 21%n", what, median);
        return median;
    }
}
