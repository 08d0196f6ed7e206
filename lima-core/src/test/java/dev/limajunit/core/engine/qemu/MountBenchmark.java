package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.MatrixFiles;
import dev.limajunit.core.report.MountMatrix;
import dev.limajunit.core.report.RunInfo;
import dev.limajunit.core.report.SpeedFigure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Speed of each mount type against the guest's own file system (measurements, not verdicts): per type one qemu-engine
 * guest with one writable mount, every {@link MountWorkload} on the mount and in the guest's {@code /tmp}, the
 * median of {@code --runs}. Prints a table and writes a matrix report holding only the performance section, which
 * {@code lima-junit matrix merge} adds to a samples run's matrix. See docs/performance.md.
 *
 * <pre>MountBenchmark [--smoke] [--runs N] [--report DIR] [TYPE...]   (TYPE: 9p, virtiofs, reverse-sshfs)</pre>
 *
 * <p>The qemu engine's guest has no disk: its {@code /tmp} is tmpfs, so "native" here is memory, a stricter
 * baseline than a Lima guest's ext4 disk.
 */
public final class MountBenchmark {

    /** Sizes per workload: full, and the smoke run CI can afford. */
    private static final Map<MountWorkload, int[]> SIZES = new EnumMap<>(Map.of(
            MountWorkload.CREATE_DELETE, new int[] {1000, 100},
            MountWorkload.WALK_STAT, new int[] {1000, 100},
            MountWorkload.FIRST_LISTING, new int[] {5000, 500},
            MountWorkload.SEQUENTIAL_WRITE, new int[] {128, 16},
            MountWorkload.SEQUENTIAL_READ, new int[] {128, 16}));

    private MountBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        int runs = -1;
        Path report = Path.of("target", "lima-junit-bench");
        List<MountType> types = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> types.add(MountType.fromYaml(args[i]));
            }
        }
        if (types.isEmpty()) {
            types = List.of(MountType.NINEP, MountType.VIRTIOFS, MountType.REVERSE_SSHFS);
        }
        runs = runs > 0 ? runs : smoke ? 1 : 3;
        QemuEngine engine = QemuEngine.create();
        engine.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        String runId = "bench-" + (smoke ? "smoke" : "full");
        RunInfo run = RunInfo.current(runId, null, String.join(",", types.stream().map(MountType::yamlName).toList()));
        MountMatrix.Builder matrix = MountMatrix.builder();
        List<String> kernels = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%s, %d run(s) each; load average before: %s%n", smoke ? "smoke" : "full",
                runs, Files.readString(Path.of("/proc/loadavg")).strip());
        for (MountType type : types) {
            Path dir = Files.createTempDirectory("lima-junit-bench");
            try (QemuInstance vm = (QemuInstance) engine.start(
                    QemuTestVm.spec(type, false, QemuTestVm.mount(0, dir, "/mnt/bench", true)),
                    QemuTestVm.options("bench-" + type.yamlName()))) {
                String kernel = vm.shell().execChecked("uname", "-r").stdoutText().strip();
                if (!kernels.contains(kernel)) {
                    kernels.add(kernel);
                }
                vm.shell().execChecked("mkdir", "-p", "/tmp/bench");
                matrix.column(type);
                for (MountWorkload w : MountWorkload.values()) {
                    int size = SIZES.get(w)[smoke ? 1 : 0];
                    List<Double> onMount = new ArrayList<>();
                    List<Double> onNative = new ArrayList<>();
                    for (int r = 0; r < runs; r++) {
                        onMount.add(w.run(vm.shell(), "/mnt/bench", dir, size));
                        onNative.add(w.run(vm.shell(), "/tmp/bench", null, size));
                    }
                    SpeedFigure f = new SpeedFigure(w.id(), w.description(size), type, "default", w.unit(),
                            median(onMount), median(onNative), runId);
                    matrix.figure(f);
                    System.out.printf(Locale.ROOT, "%-13s %-14s mount %9.2f %-4s native %9.2f %-4s = %6.1fx native%n",
                            type.yamlName(), w.id(), f.mount(), w.unit().symbol(), f.nativeValue(),
                            w.unit().symbol(), f.timesNative());
                }
            } finally {
                deleteTree(dir);
            }
        }
        matrix.run(run.withEngines(List.of("qemu"), kernels));
        List<Path> written = MatrixFiles.write(matrix.build(), report);
        System.out.printf(Locale.ROOT, "load average after: %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
        written.forEach(f -> System.out.println("wrote " + f));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
