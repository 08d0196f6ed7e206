package dev.limajunit.core.host;

/**
 * Whether something works on this host, and why, in words a person can act on.
 *
 * @param supported yes or no
 * @param reason    why (for "no": what is missing or which rule forbids it)
 */
public record Support(boolean supported, String reason) {

    public static Support yes(String reason) {
        return new Support(true, reason);
    }

    public static Support no(String reason) {
        return new Support(false, reason);
    }

    @Override
    public String toString() {
        return (supported ? "yes" : "no") + ": " + reason;
    }
}
