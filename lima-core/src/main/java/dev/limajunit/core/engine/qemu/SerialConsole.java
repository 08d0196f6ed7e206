package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.process.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest's serial console as QEMU writes it to a file: read for the readiness line (waited for here, for cold boots
 * and snapshot boots alike) and for error messages.
 */
final class SerialConsole {

    static final String READY_MARKER = "LIMA-JUNIT-READY";
    private static final Pattern UPTIME = Pattern.compile("uptime=([0-9.]+)");
    private static final Pattern INIT = Pattern.compile("lima-junit: init at ([0-9.]+)s");

    private final Path file;

    SerialConsole(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    String text() {
        try {
            return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The guest kernel's "Kernel panic - not syncing: ..." line without its timestamp, once it has panicked (QEMU
     * runs with {@code panic=-1 -no-reboot}, so a panic also ends QEMU).
     */
    Optional<String> panicLine() {
        return text().lines().filter(line -> line.contains("Kernel panic")).findFirst()
                .map(line -> line.replaceFirst("^\\[[ 0-9.]+\\] ", "").strip());
    }

    /** The guest uptime (seconds) at which /init started, once it has printed it. */
    Optional<Double> initUptime() {
        Matcher m = INIT.matcher(text());
        return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
    }

    /** The guest uptime (seconds) of the readiness line, once it has been printed. */
    Optional<Double> readyUptime() {
        String text = text();
        int at = text.indexOf(READY_MARKER);
        if (at < 0) {
            return Optional.empty();
        }
        Matcher m = UPTIME.matcher(text.substring(at));
        return Optional.of(m.find() ? Double.parseDouble(m.group(1)) : 0.0);
    }

    /**
     * Waits until the guest prints its readiness line.
     *
     * @param who         whose boot it is, for the stall message: "instance NAME (qemu engine)"
     * @param silentLimit how long the guest may print nothing at all while QEMU runs
     * @throws GuestStalledException  when it printed nothing within {@code silentLimit}
     * @throws GuestNotReadyException when QEMU exited first (saying so with the guest's panic line, if it panicked,
     *                                and QEMU's stderr) or the deadline passed
     */
    void awaitReady(String who, ManagedProcess qemu, Path qemuStderr, Duration silentLimit, StartDeadline deadline)
            throws IOException {
        long silentUntil = System.nanoTime() + silentLimit.toNanos();
        while (readyUptime().isEmpty()) {
            if (System.nanoTime() > silentUntil && isSilent() && qemu.isAlive()) {
                throw new GuestStalledException(who + ": the guest printed nothing on its serial console within "
                        + (silentLimit.toMillis() % 1000 == 0 ? silentLimit.toSeconds() + " s"
                        : silentLimit.toMillis() + " ms") + " (" + file + " is empty): QEMU stalled before the guest "
                        + "kernel printed anything");
            }
            if (!qemu.isAlive()) {
                int code = qemu.process().exitValue();
                String stderr = Files.readString(qemuStderr).strip();
                throw new GuestNotReadyException(panicLine().map(line -> "the guest kernel panicked before the guest "
                                + "was ready: " + line + " (QEMU exited with code " + code + ": it runs with panic=-1 "
                                + "-no-reboot)").orElse("QEMU exited with code " + code + " before the guest was ready")
                        + (stderr.isEmpty() ? "" : ": " + stderr));
            }
            if (deadline.passed()) {
                throw new GuestNotReadyException("the guest did not become ready (no \"" + READY_MARKER + "\" on its "
                        + "serial console) within " + deadline.description());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GuestNotReadyException("interrupted while waiting for the guest");
            }
        }
    }

    /** Whether the guest has printed nothing yet. */
    boolean isSilent() {
        return text().isEmpty();
    }

    /** The last {@code lines} lines, for error messages. */
    String tail(int lines) {
        List<String> all = text().lines().toList();
        List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
        return last.isEmpty() ? "(the serial log " + file + " is empty)" : String.join("\n", last);
    }
}
