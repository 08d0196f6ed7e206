package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A test stand-in for {@code qemu-system-x86_64}: a shell script that runs the real QEMU with one fault injected,
 * so the engine under test meets a real guest that misbehaves. It records the pid of every guest launch (QEMU
 * keeps the script's pid through {@code exec}).
 *
 * @param script the executable to pass to {@link QemuEngine#withQemuBinary}
 * @param launches one pid per line, one line per guest launch
 */
record FaultyQemu(Path script, Path launches) {

    /** The first {@code count} guest launches start with their CPUs paused ({@code -S}): a silent, stalled guest. */
    static FaultyQemu pausingFirstLaunches(Path dir, Path realQemu, int count) {
        return write(dir, realQemu, count, "");
    }

    /** Every guest launch gets {@code args} appended to its kernel command line. */
    static FaultyQemu appendingKernelArgs(Path dir, Path realQemu, String args) {
        return write(dir, realQemu, 0, args);
    }

    /** The pids of the guest launches so far, in order. */
    List<Long> pids() {
        try {
            return Files.exists(launches)
                    ? Files.readAllLines(launches).stream().filter(l -> !l.isBlank()).map(Long::parseLong).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FaultyQemu write(Path dir, Path realQemu, int pausedLaunches, String kernelArgs) {
        Path script = dir.resolve("qemu-system-x86_64");
        Path launches = dir.resolve("launches");
        String text = """
                #!/bin/sh
                # lima-junit test stand-in (FaultyQemu): the real QEMU with one fault injected.
                case " $* " in *" -kernel "*) ;; *) exec %1$s "$@" ;; esac
                echo $$ >> %2$s
                launch=$(wc -l < %2$s)
                extra=%3$s
                for arg do
                  shift
                  if [ "$previous" = "-append" ] && [ -n "$extra" ]; then arg="$arg $extra"; fi
                  set -- "$@" "$arg"
                  previous=$arg
                done
                # -S: the vCPUs stay paused, so the guest prints nothing, as a stalled QEMU does
                if [ "$launch" -le %4$d ]; then set -- -S "$@"; fi
                exec %1$s "$@"
                """.formatted(quote(realQemu.toString()), quote(launches.toString()), quote(kernelArgs),
                        pausedLaunches);
        try {
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FaultyQemu(script, launches);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
