package dev.limajunit.core.engine.qemu;

/**
 * A booting guest never printed its readiness line: QEMU exited (the guest kernel may have panicked) or the deadline
 * passed. The message says which; whoever waited adds whose boot it was and the serial log.
 */
final class GuestNotReadyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    GuestNotReadyException(String message) {
        super(message);
    }
}
