package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.StartOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Boot-to-first-command of the qemu engine: from {@code engine.start(...)} until a {@code true} run in the guest has
 * returned, with one writable mount of the given type (so the mount is in place too). Prints each run's phases and
 * the median (p50) per mount type. A benchmark, not a test: run it as a main class (see docs/benchmarks.md).
 *
 * <pre>BootBenchmark [--runs 3] [TYPE...]     (TYPE: 9p, virtiofs, reverse-sshfs; default all three)</pre>
 */
public final class BootBenchmark {

    private BootBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        List<MountType> types = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                types.add(MountType.fromYaml(args[i]));
            }
        }
        if (types.isEmpty()) {
            types = List.of(MountType.NINEP, MountType.VIRTIOFS, MountType.REVERSE_SSHFS);
        }
        QemuEngine engine = QemuEngine.create();
        engine.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        GuestKitBuilder.userKit(); // a first-ever kit build is not a boot
        System.out.printf(Locale.ROOT, "load average before: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        Map<MountType, Long> medians = new LinkedHashMap<>();
        for (MountType type : types) {
            List<Long> totals = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Path dir = Files.createTempDirectory("lima-junit-bench");
                long start = System.nanoTime();
                try (QemuInstance instance = (QemuInstance) engine.start(
                        QemuTestVm.spec(type, false, QemuTestVm.mount(0, dir, "/mnt/bench", true)),
                        StartOptions.named("bench-" + type + "-" + run))) {
                    instance.shell().execChecked("true");
                    long total = (System.nanoTime() - start) / 1_000_000;
                    totals.add(total);
                    System.out.printf(Locale.ROOT, "%-13s run %d: %5d ms  (%s)%n", type, run, total,
                            phases(instance.bootPhases()));
                } finally {
                    Files.deleteIfExists(dir);
                }
            }
            medians.put(type, median(totals));
        }
        System.out.println();
        System.out.println("| mount type | boot-to-first-command p50 of " + runs + " |");
        System.out.println("|---|---|");
        medians.forEach((type, p50) -> System.out.printf(Locale.ROOT, "| %s | %.2f s |%n", type, p50 / 1000.0));
        System.out.printf(Locale.ROOT, "load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String phases(Map<String, Long> phases) {
        StringBuilder out = new StringBuilder();
        phases.forEach((name, ms) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(' ').append(ms));
        return out.toString();
    }
}
