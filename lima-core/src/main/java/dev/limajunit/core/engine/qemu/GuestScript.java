package dev.limajunit.core.engine.qemu;

/** Quotes words for the guest's POSIX shell. */
final class GuestScript {

    private GuestScript() {
    }

    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
