package dev.limajunit.core.engine.qemu;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** The device tag a 9p or virtiofs mount is known by in the guest, computed as Lima 2.2 does. */
final class MountTag {

    private MountTag() {
    }

    /** {@code lima-} + the first 16 hex digits of sha256(location + ":" + mountPoint). */
    static String of(String location, String mountPoint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((location + ":" + mountPoint).getBytes(StandardCharsets.UTF_8));
            return "lima-" + HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The tag a boot snapshot's n-th 9p device is declared with. It has the length of a real tag on purpose: the
     * tag's length sizes the device's PCI region, and a restore whose region differs fails to load.
     */
    static String placeholder(int index) {
        return String.format(Locale.ROOT, "lima-%016x", index);
    }
}
