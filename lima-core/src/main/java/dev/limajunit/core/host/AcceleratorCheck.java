package dev.limajunit.core.host;

/**
 * The outcome of trying one accelerator for real.
 *
 * @param accelerator what was tried
 * @param works       whether a probe guest ran on it
 * @param detail      what was seen, in words (why it does not work, or how long the probe took)
 */
public record AcceleratorCheck(Accelerator accelerator, boolean works, String detail) {

    public static AcceleratorCheck works(Accelerator accelerator, String detail) {
        return new AcceleratorCheck(accelerator, true, detail);
    }

    public static AcceleratorCheck fails(Accelerator accelerator, String detail) {
        return new AcceleratorCheck(accelerator, false, detail);
    }

    @Override
    public String toString() {
        return accelerator + ": " + (works ? "works" : "unusable") + " (" + detail + ")";
    }
}
