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
 * Boot-to-first-command of the qemu engine, cold and restored from a boot snapshot: from {@code engine.start(...)}
 * until a {@code true} run in the guest has returned, with one writable mount of the given type (so the mount is in
 * place too). Per mount type: {@code runs} cold boots, one restore that makes the snapshot when the cache has none
 * (shown, not counted), then {@code runs} restores. Prints each run's phases and the medians (p50). A benchmark, not
 * a test: run it as a main class (see docs/benchmarks.md).
 *
 * <pre>BootBenchmark [--runs 5] [TYPE...]     (TYPE: 9p, virtiofs, reverse-sshfs; default all three)</pre>
 */
public final class BootBenchmark {

    private BootBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
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
        List<String> rows = new ArrayList<>();
        for (MountType type : types) {
            List<Map<String, Long>> cold = boots(engine.withSnapshots(false), type, "cold", runs);
            boots(engine.withSnapshots(true), type, "first restore (makes the snapshot if missing)", 1);
            List<Map<String, Long>> restored = boots(engine.withSnapshots(true), type, "restored", runs);
            long coldP50 = median(cold, TOTAL);
            long restoredP50 = median(restored, TOTAL);
            rows.add(String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.1fx | %s |", type, coldP50 / 1000.0,
                    restoredP50 / 1000.0, (double) coldP50 / restoredP50, medianPhases(restored)));
        }
        System.out.println();
        System.out.println("| mount type | cold p50 | restored p50 | ratio | restored phases, p50 ms |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "(%d runs each) load average after: %s%n", runs,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static final String TOTAL = "total";

    /** Each boot's phases in ms, with the boot-to-first-command time under {@link #TOTAL}. */
    private static List<Map<String, Long>> boots(QemuEngine engine, MountType type, String kind, int runs)
            throws Exception {
        List<Map<String, Long>> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("lima-junit-bench");
            long start = System.nanoTime();
            try (QemuInstance instance = (QemuInstance) engine.start(
                    QemuTestVm.spec(type, false, QemuTestVm.mount(0, dir, "/mnt/bench", true)),
                    StartOptions.named("bench-" + type + "-" + run))) {
                instance.shell().execChecked("true");
                long total = (System.nanoTime() - start) / 1_000_000;
                Map<String, Long> phases = new LinkedHashMap<>(instance.bootPhases());
                phases.put(TOTAL, total);
                all.add(phases);
                System.out.printf(Locale.ROOT, "%-13s %-8s run %d: %5d ms  (%s)%n", type, kind, run, total,
                        phases(instance.bootPhases()));
            } finally {
                Files.deleteIfExists(dir);
            }
        }
        return all;
    }

    private static long median(List<Map<String, Long>> boots, String phase) {
        List<Long> sorted = boots.stream().map(b -> b.getOrDefault(phase, 0L)).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String medianPhases(List<Map<String, Long>> boots) {
        StringBuilder out = new StringBuilder();
        for (String phase : boots.get(0).keySet()) {
            if (!phase.equals(TOTAL)) {
                out.append(out.length() == 0 ? "" : ", ").append(phase).append(' ').append(median(boots, phase));
            }
        }
        return out.toString();
    }

    private static String phases(Map<String, Long> phases) {
        StringBuilder out = new StringBuilder();
        phases.forEach((name, ms) -> out.append(out.length() == 0 ? "" : ", ").append(name).append(' ').append(ms));
        return out.toString();
    }
}
