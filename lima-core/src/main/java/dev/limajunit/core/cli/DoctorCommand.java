package dev.limajunit.core.cli;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.host.AcceleratorCheck;
import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.HostProbe;
import dev.limajunit.core.host.MountSupport;
import dev.limajunit.core.host.OperatingSystem;
import dev.limajunit.core.host.Support;
import dev.limajunit.core.host.Tool;
import dev.limajunit.core.engine.qemu.GuestKitBuilder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code lima-junit doctor}: what this host can run. Engines found, the acceleration that really works, the mount
 * helpers, and a table of every mount type x vmType with yes/no and why. Exits 1 when no engine can run here.
 */
public final class DoctorCommand implements Subcommand {

    /** Below this much free space in the kit cache a first boot may fail: a kernel and a kit take about 90 MB. */
    static final long LOW_CACHE_SPACE = 200L << 20;

    private final Supplier<HostFacts> facts;
    private final Path cacheDirectory;

    /** Probes afresh (no results from earlier runs), and records them for later JVMs. */
    public DoctorCommand() {
        this(() -> new HostProbe().probe(), GuestKitBuilder.userCacheDirectory());
    }

    public DoctorCommand(Supplier<HostFacts> facts, Path cacheDirectory) {
        this.facts = facts;
        this.cacheDirectory = cacheDirectory;
    }

    @Override
    public String name() {
        return "doctor";
    }

    @Override
    public String arguments() {
        return "";
    }

    @Override
    public String summary() {
        return "what this host can run: engines, acceleration, mount types x vmTypes";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            err.println("lima-junit doctor: takes no arguments, got " + args);
            return Main.USAGE;
        }
        HostFacts host;
        try {
            host = facts.get();
        } catch (IllegalArgumentException e) {
            err.println("lima-junit doctor: " + e.getMessage()); // a bad host setting, e.g. lima.virtiofsd
            return Main.USAGE;
        }
        out.println("Host");
        row(out, "os", host.os() + " " + host.osVersion() + " (" + host.arch() + ")");
        row(out, "user", host.effectiveUid() < 0 ? "unknown" : "euid " + host.effectiveUid()
                + (host.isRoot() ? " (root)" : ""));
        row(out, "resources", host.cpus() + " CPUs, " + String.format(Locale.ROOT, "%.1fGiB",
                host.memoryBytes() / (double) (1L << 30)) + " memory");

        out.println("Engines");
        String limactl = limactlEngine(host);
        String qemu = qemuEngine(host);
        row(out, "limactl", limactl);
        row(out, "qemu", qemu);

        out.println("Acceleration");
        if (host.qemuSystem() == null) {
            row(out, "-", "no QEMU, nothing to probe");
        }
        for (AcceleratorCheck check : host.accelerators()) {
            row(out, check.accelerator().toString(), (check.works() ? "works: " : "unusable: ") + check.detail());
        }
        host.bestAccelerator().ifPresent(a -> row(out, "=>", "the qemu engine uses " + a
                + (a.qemuName().equals("tcg") ? " (software emulation: slower, but it works)" : "")));

        out.println("Mount helpers");
        row(out, "virtiofsd", host.virtiofsd() == null ? "not found" : host.virtiofsd().toString());
        row(out, "sshfs", describe(host.sshfs()));
        row(out, "sftp-server", host.sftpServer() == null ? "not found (reverse-sshfs uses the builtin SFTP server)"
                : host.sftpServer().path().toString());
        row(out, "guest kernel", host.guestKernel().toString());
        row(out, "kit cache", describeCache(cacheDirectory));

        out.println("Mount types x vmTypes");
        MountSupport support = new MountSupport(host);
        out.printf("  %-14s %-8s %-4s %s%n", "mountType", "vmType", "ok", "why");
        for (MountType mountType : MountType.values()) {
            for (VmType vmType : VmType.values()) {
                Support s = support.supports(mountType, vmType);
                out.printf("  %-14s %-8s %-4s %s%n", mountType, vmType, s.supported() ? "yes" : "no", s.reason());
            }
        }
        return engineAvailable(host) ? 0 : 1;
    }

    private static String limactlEngine(HostFacts host) {
        if (host.limactl() == null) {
            return "not found on PATH (install Lima to use the limactl engine)";
        }
        String found = host.limactl().path() + " (" + (host.limaVersion() == null ? host.limactl().version()
                : "Lima " + host.limaVersion()) + ")";
        return host.isRoot() ? found + ", but limactl refuses to run as root" : found;
    }

    private static String qemuEngine(HostFacts host) {
        if (host.os() != OperatingSystem.LINUX) {
            return "the qemu engine runs on Linux hosts only (use limactl here)";
        }
        if (host.qemuSystem() == null) {
            return "no qemu-system-" + host.arch() + " on PATH (install qemu-system)";
        }
        return describe(host.qemuSystem())
                + host.bestAccelerator().map(a -> ", usable with " + a).orElse(", but no accelerator works");
    }

    private static boolean engineAvailable(HostFacts host) {
        boolean limactl = host.limactl() != null && !host.isRoot();
        boolean qemu = host.os() == OperatingSystem.LINUX && host.qemuSystem() != null
                && host.bestAccelerator().isPresent();
        return limactl || qemu;
    }

    /**
     * The qemu engine's cache of guest kernels, kits and boot snapshots: what is in it and whether the next build fits.
     */
    static String describeCache(Path dir) {
        long kernels = entries(dir.resolve("kernels"));
        long kits = entries(dir.resolve("kits"));
        long snapshots = entries(dir.resolve("snapshots"));
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        long free;
        try {
            free = existing == null ? -1 : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            free = -1;
        }
        String content = kernels + kits == 0 ? "empty (the first qemu boot builds a kernel and a kit, ~20 s)"
                : kernels + " kernel(s), " + kits + " kit(s)" + (snapshots == 0 ? "" : ", " + snapshots
                        + " boot snapshot(s) (a few hundred MB each; delete " + dir.resolve("snapshots")
                        + " to free them, they are made again when needed)");
        String space = free < 0 ? "free space unknown" : mebibytes(free) + " free";
        String low = free >= 0 && free < LOW_CACHE_SPACE ? "; LOW: a first build needs about 90 MB there, move the "
                + "cache with -Dlima.cacheDir or LIMA_JUNIT_CACHE" : "";
        return dir + ": " + content + ", " + space + low;
    }

    private static long entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String mebibytes(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    private static String describe(Tool tool) {
        return tool == null ? "not found" : tool.toString();
    }

    private static void row(PrintStream out, String key, String value) {
        out.printf("  %-13s %s%n", key, value);
    }
}
