package dev.limajunit.core.config;

/**
 * The {@code 9p:} block of a mount, as written (raw strings, so validation can quote what the user wrote).
 * A {@code null} field means "Lima's builtin default".
 *
 * @param securityModel   "passthrough", "mapped-xattr", "mapped-file" or "none" (default "none")
 * @param protocolVersion "9p2000", "9p2000.u" or "9p2000.L" (default "9p2000.L")
 * @param msize           bytes with an optional KiB/MiB unit, at least 4KiB (default "128KiB")
 * @param cache           "none", "loose", "fscache" or "mmap" (default fscache read-only, mmap writable)
 */
public record NinePOptions(String securityModel, String protocolVersion, String msize, String cache) {
    public static final NinePOptions UNSET = new NinePOptions(null, null, null, null);
}
