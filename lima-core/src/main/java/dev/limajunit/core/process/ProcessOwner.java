package dev.limajunit.core.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The JVM that started a process: its pid plus its start time in clock ticks since boot (field 22 of
 * {@code /proc/PID/stat}), so that a pid the kernel reused for another program is not taken for the owner.
 *
 * @param pid        the owner's process id
 * @param startTicks when it started, in clock ticks since boot; 0 when unknown (then the pid alone decides)
 */
public record ProcessOwner(long pid, long startTicks) {

    private static final Path PROC = Path.of("/proc");

    /** This JVM. */
    public static ProcessOwner current() {
        long pid = ProcessHandle.current().pid();
        return new ProcessOwner(pid, startTicks(pid).orElse(0L));
    }

    /** Parses {@link #marker()}'s form, {@code PID:TICKS}. */
    public static Optional<ProcessOwner> parse(String marker) {
        int colon = marker.indexOf(':');
        try {
            return colon < 0 ? Optional.empty() : Optional.of(new ProcessOwner(
                    Long.parseLong(marker.substring(0, colon)), Long.parseLong(marker.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How it travels in {@link RunSession#OWNER_ENV_VAR}: {@code PID:TICKS}. */
    public String marker() {
        return pid + ":" + startTicks;
    }

    /** Whether the owner still runs: its pid exists, is no zombie and (when known) started at the same tick. */
    public boolean isAlive() {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        Optional<String[]> stat = stat(pid);
        if (stat.isEmpty()) {
            return true; // no /proc: the pid alone decides
        }
        return !stat.get()[0].equals("Z") && (startTicks == 0 || Long.parseLong(stat.get()[19]) == startTicks);
    }

    /** A process's start time from /proc (Linux); empty elsewhere or when it is gone. */
    static Optional<Long> startTicks(long pid) {
        return stat(pid).map(fields -> Long.parseLong(fields[19]));
    }

    /** Fields 3 (state) and on of /proc/PID/stat: index 0 is the state, index 19 the start time. */
    private static Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return fields.length > 19 ? Optional.of(fields) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
