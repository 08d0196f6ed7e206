package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.report.SpeedUnit;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * One workload of {@link MountBenchmark}, run by busybox sh in the guest in a directory that is either on the mount
 * or on the guest's own file system. The guest times itself from {@code /proc/uptime} (10 ms steps), so SSH round
 * trips are not counted; preparation (a tree to walk, a file to read) is not timed.
 */
enum MountWorkload {

    CREATE_DELETE("create-delete", "create and delete %d small files", SpeedUnit.SECONDS),
    WALK_STAT("walk-stat", "walk and stat a tree of %d files (git status-like)", SpeedUnit.SECONDS),
    FIRST_LISTING("first-listing", "first listing (readdir) of a directory of %d entries made on the host",
            SpeedUnit.SECONDS),
    SEQUENTIAL_WRITE("seq-write", "sequential write of %d MiB with fsync", SpeedUnit.MB_PER_SECOND),
    SEQUENTIAL_READ("seq-read", "sequential read of %d MiB, caches dropped", SpeedUnit.MB_PER_SECOND);

    /** Prints the guest's uptime: the timing reference of every script. */
    private static final String CLOCK = "t() { read u _ < /proc/uptime; echo $u; }; ";

    private final String id;
    private final String description;
    private final SpeedUnit unit;

    MountWorkload(String id, String description, SpeedUnit unit) {
        this.id = id;
        this.description = description;
        this.unit = unit;
    }

    String id() {
        return id;
    }

    SpeedUnit unit() {
        return unit;
    }

    String description(int size) {
        return String.format(Locale.ROOT, description, size);
    }

    /**
     * Runs the workload of {@code size} (files, entries or MiB) in {@code guestDir}; {@code hostDir} is the same
     * directory seen from the host when it is a mount, else null (the guest prepares it itself).
     *
     * @return seconds, or MB/s for the sequential ones
     */
    double run(GuestShell shell, String guestDir, Path hostDir, int size) {
        String d = guestDir + "/" + id;
        return switch (this) {
            case CREATE_DELETE -> seconds(shell, "mkdir -p \"$D\"; s=$(t); i=0; while [ $i -lt $N ]; do "
                    + "echo x > \"$D/f$i\"; i=$((i+1)); done; rm -r \"$D\"; echo $s $(t)", d, size);
            case WALK_STAT -> {
                // 20 files a directory, made by the guest; then walked twice, the second (warm, as a repeated
                // git status) timed.
                shell.execChecked(Command.shell("i=0; while [ $i -lt $N ]; do mkdir -p \"$D/d$((i/20))\"; "
                        + "echo x > \"$D/d$((i/20))/f$i\"; i=$((i+1)); done; ls -lR \"$D\" > /dev/null")
                        .env("D", d).env("N", String.valueOf(size)).timeout(Duration.ofMinutes(10)));
                yield seconds(shell, "s=$(t); ls -lR \"$D\" > /dev/null; e=$(t); rm -r \"$D\"; echo $s $e", d, size);
            }
            case FIRST_LISTING -> {
                if (hostDir != null) {
                    makeOnHost(hostDir.resolve(id), size);
                } else {
                    shell.execChecked(Command.shell("mkdir -p \"$D\"; i=0; while [ $i -lt $N ]; do : > \"$D/e$i\"; "
                            + "i=$((i+1)); done").env("D", d).env("N", String.valueOf(size))
                            .timeout(Duration.ofMinutes(10)));
                }
                // A shell glob reads the directory and stats nothing (busybox ls stats every entry).
                yield seconds(shell, "s=$(t); set -- \"$D\"/*; e=$(t); [ $# -ge $N ] || "
                        + "{ echo \"listed $# of $N\" >&2; exit 1; }; rm -r \"$D\"; echo $s $e", d, size);
            }
            case SEQUENTIAL_WRITE -> size / seconds(shell, "mkdir -p \"$D\"; s=$(t); dd if=/dev/zero of=\"$D/f\" "
                    + "bs=1048576 count=$N conv=fsync 2>/dev/null; e=$(t); rm -r \"$D\"; echo $s $e", d, size)
                    * 1.048576;
            case SEQUENTIAL_READ -> {
                shell.execChecked(Command.shell("mkdir -p \"$D\"; dd if=/dev/zero of=\"$D/f\" bs=1048576 count=$N "
                        + "conv=fsync 2>/dev/null").env("D", d).env("N", String.valueOf(size))
                        .timeout(Duration.ofMinutes(10)));
                // Dropping the guest's caches needs root; where the shell is not root the read is a warm one.
                yield size / seconds(shell, "sync; echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; s=$(t); "
                        + "dd if=\"$D/f\" of=/dev/null bs=1048576 2>/dev/null; e=$(t); rm -r \"$D\"; echo $s $e", d,
                        size) * 1.048576;
            }
        };
    }

    /** Runs a timing script; at least one clock step (10 ms), so a figure is never zero. */
    private static double seconds(GuestShell shell, String script, String dir, int size) {
        String[] out = shell.execChecked(Command.shell(CLOCK + script).env("D", dir).env("N", String.valueOf(size))
                .timeout(Duration.ofMinutes(10))).stdoutText().strip().split("\\s+");
        return Math.max(0.01, Double.parseDouble(out[out.length - 1]) - Double.parseDouble(out[out.length - 2]));
    }

    private static void makeOnHost(Path dir, int entries) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < entries; i++) {
                Files.createFile(dir.resolve("e" + i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
