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

    /** What one poll of a mount assertion forks besides the shell: stat, od and tr, as the guest probe does. */
    private static final String PROBE_LIKE = "stat -L -c '%s %a %u %g %Y %F' /etc/hostname;"
            + " od -An -v -tx1 /etc/hostname | tr -d ' \\n'";

    /** Median milliseconds of {@code count} runs of {@code argv}, after one unmeasured run. */
    public static double medianMillis(GuestShell shell, int count, String... argv) {
        shell.execChecked(argv);
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            shell.execChecked(argv);
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return count % 2 == 1 ? millis[count / 2] : (millis[count / 2 - 1] + millis[count / 2]) / 2;
    }

    /** Prints the medians of 21 runs of {@code true} and of a probe-like script; returns the first. */
    public static double report(String what, GuestShell shell) {
        double bare = medianMillis(shell, 21, "true");
        double probe = medianMillis(shell, 21, "sh", "-c", PROBE_LIKE);
        System.out.printf("lima-junit exec round trip (%s): true median %.1f ms, probe-like script median %.1f ms,"
                + " of 21 each%n", what, bare, probe);
        return bare;
    }
}
