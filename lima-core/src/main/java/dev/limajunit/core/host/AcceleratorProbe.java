package dev.limajunit.core.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds the QEMU accelerators that really work, by use: a device node is not proof ({@code /dev/kvm} exists on the
 * CI machines, yet QEMU with {@code -accel kvm} hangs or aborts there). On x86_64 each candidate boots QEMU's own
 * SeaBIOS with no disk and waits until the BIOS reports, on its debug port, that it tried to boot; a stalled or
 * crashed vCPU never gets there. The probe takes ~0.15 s when the accelerator works and at most the timeout when not
 * (TCG, which slows down but does not hang, gets at least 15 s).
 */
final class AcceleratorProbe {

    /** How long a working accelerator may take to reach the BIOS boot attempt (TCG needs ~0.1 s here). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /**
     * TCG does not hang the way a broken hardware accelerator does, but it slows down on a busy host (1 s seen here
     * under load): give it more time, so a busy machine is not reported as unable to run QEMU at all.
     */
    private static final Duration TCG_TIMEOUT = Duration.ofSeconds(15);

    private static final List<String> BOOT_ATTEMPT_MARKERS = List.of("Booting from", "No bootable device");

    private final Duration timeout;

    public AcceleratorProbe() {
        this(DEFAULT_TIMEOUT);
    }

    public AcceleratorProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /** The hardware accelerator the host OS offers QEMU, then TCG: each tried for real. */
    public List<AcceleratorCheck> probe(Path qemuSystem, OperatingSystem os, String arch) {
        List<AcceleratorCheck> checks = new ArrayList<>();
        switch (os) {
            case LINUX -> checks.add(Files.exists(Path.of("/dev/kvm"))
                    ? probe(qemuSystem, Accelerator.KVM, arch)
                    : AcceleratorCheck.fails(Accelerator.KVM, "no /dev/kvm on this host"));
            case MACOS -> checks.add(probe(qemuSystem, Accelerator.HVF, arch));
            case WINDOWS -> checks.add(probe(qemuSystem, Accelerator.WHPX, arch));
            case OTHER -> { }
        }
        checks.add(probe(qemuSystem, Accelerator.TCG, arch));
        return checks;
    }

    /** Boots a probe guest on one accelerator and says whether its CPU ran. */
    public AcceleratorCheck probe(Path qemuSystem, Accelerator accelerator, String arch) {
        Path dir;
        try {
            dir = Files.createTempDirectory("lima-junit-accel-");
        } catch (IOException e) {
            return AcceleratorCheck.fails(accelerator, "cannot create a temporary directory: " + e.getMessage());
        }
        try {
            return "x86_64".equals(arch) ? bootBios(qemuSystem, accelerator, dir) : startOnly(qemuSystem, accelerator,
                    arch, dir);
        } finally {
            deleteQuietly(dir);
        }
    }

    private AcceleratorCheck bootBios(Path qemu, Accelerator accelerator, Path dir) {
        Path debugLog = dir.resolve("bios.log");
        List<String> argv = new ArrayList<>(List.of(qemu.toString(), "-accel", accelerator.qemuName()));
        if (accelerator != Accelerator.TCG) {
            argv.addAll(List.of("-cpu", "host")); // as Lima runs hardware-accelerated guests
        }
        argv.addAll(List.of("-machine", "pc", "-m", "32", "-nodefaults", "-nographic", "-display", "none",
                "-monitor", "none", "-serial", "none", "-no-reboot",
                "-debugcon", "file:" + debugLog, "-global", "isa-debugcon.iobase=0x402"));
        Duration limit = accelerator == Accelerator.TCG && TCG_TIMEOUT.compareTo(timeout) > 0 ? TCG_TIMEOUT : timeout;
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        } catch (IOException e) {
            return AcceleratorCheck.fails(accelerator, "QEMU did not start: " + e.getMessage());
        }
        try {
            long deadline = start + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (reachedBootAttempt(debugLog)) {
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    return AcceleratorCheck.works(accelerator, "a probe guest's BIOS ran to its boot attempt in "
                            + ms + " ms");
                }
                if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                    return reachedBootAttempt(debugLog)
                            ? AcceleratorCheck.works(accelerator, "a probe guest's BIOS ran to its boot attempt")
                            : AcceleratorCheck.fails(accelerator, "QEMU exited with " + process.exitValue()
                                    + lastLine(dir.resolve("qemu.log")));
                }
            }
            return AcceleratorCheck.fails(accelerator, (accelerator == Accelerator.KVM ? "/dev/kvm exists, but " : "")
                    + "a probe guest's BIOS did not get to its boot attempt within "
                    + limit.toMillis() + " ms (the vCPU stalled)" + lastLine(dir.resolve("qemu.log")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AcceleratorCheck.fails(accelerator, "interrupted");
        } finally {
            stop(process);
        }
    }

    /**
     * Other architectures have no firmware QEMU always ships, so only starting is checked: QEMU must set the
     * accelerator up and still run after a moment.
     */
    private AcceleratorCheck startOnly(Path qemu, Accelerator accelerator, String arch, Path dir) {
        List<String> argv = new ArrayList<>(List.of(qemu.toString(), "-accel", accelerator.qemuName(),
                "-machine", "virt", "-cpu", accelerator == Accelerator.TCG ? "max" : "host", "-m", "32",
                "-nodefaults", "-nographic", "-display", "none", "-monitor", "none", "-serial", "none", "-S"));
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("qemu.log").toFile()).start();
        } catch (IOException e) {
            return AcceleratorCheck.fails(accelerator, "QEMU did not start: " + e.getMessage());
        }
        try {
            if (process.waitFor(Math.min(1000, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                return AcceleratorCheck.fails(accelerator, "QEMU exited with " + process.exitValue()
                        + lastLine(dir.resolve("qemu.log")));
            }
            return AcceleratorCheck.works(accelerator, "QEMU set it up (on " + arch + " only start-up is probed)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AcceleratorCheck.fails(accelerator, "interrupted");
        } finally {
            stop(process);
        }
    }

    private static boolean reachedBootAttempt(Path debugLog) {
        try {
            String log = Files.readString(debugLog, StandardCharsets.ISO_8859_1);
            return BOOT_ATTEMPT_MARKERS.stream().anyMatch(log::contains);
        } catch (IOException e) {
            return false; // not written yet
        }
    }

    private static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank() && !l.contains("terminating on signal") && !l.contains("warning:"))
                    .toList();
            return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp dir
        }
        dir.toFile().delete();
    }
}
