package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.ManagedProcess;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches one instance's QEMU process ({@link Process#onExit()}) and says how it ended, with the serial console's
 * tail: what a test sees when its VM dies under it.
 */
final class QemuExit {

    private static final int SERIAL_TAIL_LINES = 20;

    private final String instance;
    private final ManagedProcess qemu;
    private final SerialConsole serial;
    private volatile boolean expected;

    QemuExit(String instance, ManagedProcess qemu, SerialConsole serial) {
        this.instance = instance;
        this.qemu = qemu;
        this.serial = serial;
    }

    /** Runs {@code action} when QEMU exits unless the instance is being closed. */
    void onUnexpectedExit(Runnable action) {
        qemu.process().onExit().thenRun(() -> {
            if (!expected) {
                action.run();
            }
        });
    }

    /** The instance is being closed: QEMU's exit from now on is ours. */
    void expect() {
        expected = true;
    }

    /**
     * Whether QEMU has exited, waiting up to {@code grace} for a death that is under way (the socket may close first).
     */
    boolean exited(Duration grace) {
        CompletableFuture<Process> exit = qemu.process().onExit();
        try {
            exit.get(grace.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !qemu.isAlive();
        } catch (Exception timeout) {
            return false;
        }
    }

    /** "VM exited (code 1)" or "VM exited (signal 9, SIGKILL)", then the serial tail; empty while QEMU runs. */
    Optional<String> message() {
        if (qemu.isAlive()) {
            return Optional.empty();
        }
        String panic = serial.panicLine().map(line -> " after a guest kernel panic: " + line).orElse("");
        return Optional.of("instance " + instance + ": VM exited (" + describe(qemu.process().exitValue())
                + ")" + panic + "; QEMU pid " + qemu.pid() + "\n--- last " + SERIAL_TAIL_LINES + " lines of the serial "
                + "log "
                + serial.file() + " ---\n" + serial.tail(SERIAL_TAIL_LINES));
    }

    /** Java reports a death by signal N as exit value 128 + N. */
    static String describe(int exitValue) {
        if (exitValue > 128 && exitValue < 128 + 65) {
            int signal = exitValue - 128;
            return "signal " + signal + signalName(signal).map(n -> ", " + n).orElse("");
        }
        return "code " + exitValue;
    }

    private static Optional<String> signalName(int signal) {
        return Optional.ofNullable(switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 6 -> "SIGABRT";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> null;
        });
    }
}
