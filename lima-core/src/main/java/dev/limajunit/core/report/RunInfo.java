package dev.limajunit.core.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Where and with what one test run produced its results. A merged matrix keeps one per source file.
 *
 * @param id unique within a matrix; observations name their run by it
 * @param engines the engines that booted the run's instances ("qemu", "limactl")
 * @param guestKernels {@code uname -r} in the run's guests
 * @param virtiofsd the virtiofsd binaries the engine ran for the run's virtiofs mounts: path and {@code --version}
 * @param java Java version and vendor
 * @param junit JUnit Jupiter version, null when not run under JUnit
 * @param mountTypes the {@code lima.mountTypes} selection, null when every mount type was allowed
 * @param source the file this run was read from when merged, null in the run's own report
 */
public record RunInfo(
        String id,
        Instant date,
        HostInfo host,
        List<String> engines,
        List<String> guestKernels,
        List<String> virtiofsd,
        String java,
        String junit,
        String mountTypes,
        String source) {

    public RunInfo {
        Objects.requireNonNull(id, "run id");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(host, "host");
        engines = List.copyOf(engines);
        guestKernels = List.copyOf(guestKernels);
        virtiofsd = List.copyOf(virtiofsd);
    }

    /** This machine and JVM now; engines, guest kernels and virtiofsd are added as instances boot. */
    public static RunInfo current(String id, String junit, String mountTypes) {
        return new RunInfo(id, Instant.now(), HostInfo.current(), List.of(), List.of(), List.of(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                junit, mountTypes, null);
    }

    public RunInfo withEngines(List<String> newEngines, List<String> newGuestKernels) {
        return new RunInfo(id, date, host, newEngines, newGuestKernels, virtiofsd, java, junit, mountTypes, source);
    }

    public RunInfo withVirtiofsd(List<String> newVirtiofsd) {
        return new RunInfo(id, date, host, engines, guestKernels, newVirtiofsd, java, junit, mountTypes, source);
    }

    RunInfo withIdAndSource(String newId, String newSource) {
        return new RunInfo(newId, date, host, engines, guestKernels, virtiofsd, java, junit, mountTypes, newSource);
    }
}
