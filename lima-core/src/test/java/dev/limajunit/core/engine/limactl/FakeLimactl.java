package dev.limajunit.core.engine.limactl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs the stand-in {@code limactl} (src/test/resources/fake-limactl/limactl, a script that plays Lima's side of
 * the CLI protocol for contract tests only; Lima cannot be installed here) into a directory that goes first on the
 * engine's PATH, and reads back what it was asked.
 */
final class FakeLimactl {

    /** One recorded invocation: the LIMA_HOME it saw and its arguments. */
    record Invocation(String limaHome, List<String> args) {
        String command() {
            return args.isEmpty() ? "" : args.get(0);
        }
    }

    private final Path binDir;
    private final Path log;
    private final Map<String, String> environment = new LinkedHashMap<>();

    private FakeLimactl(Path binDir, Path log) {
        this.binDir = binDir;
        this.log = log;
        environment.put("PATH", binDir + ":" + System.getenv("PATH"));
        environment.put("HOME", System.getProperty("user.home"));
        environment.put("FAKE_LIMACTL_LOG", log.toString());
        // These tests run as root on the build machines; root refusal has tests of its own, so here the fake acts
        // as an ordinary user would see it.
        environment.put("FAKE_LIMACTL_EUID", "1000");
    }

    static FakeLimactl install(Path dir) {
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            Path script = bin.resolve("limactl");
            try (InputStream in = FakeLimactl.class.getResourceAsStream("/fake-limactl/limactl")) {
                if (in == null) {
                    throw new IllegalStateException("fake-limactl/limactl is not on the test classpath");
                }
                Files.copy(in, script);
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new FakeLimactl(bin, dir.resolve("limactl-invocations.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    FakeLimactl set(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    FakeLimactl scenario(String name) {
        return set("FAKE_LIMACTL_SCENARIO", name);
    }

    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    Path binDir() {
        return binDir;
    }

    List<Invocation> invocations() {
        if (!Files.exists(log)) {
            return List.of();
        }
        try {
            List<Invocation> result = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                List<String> fields = Arrays.asList(line.split("\t", -1));
                result.add(new Invocation(fields.get(0), List.copyOf(fields.subList(1, fields.size()))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument lists in order, without the LIMA_HOME. */
    List<List<String>> argLists() {
        return invocations().stream().map(Invocation::args).toList();
    }

    /**
     * Whether a process still runs. A killed process whose parent died stays a zombie on hosts whose pid 1 does not
     * reap; a zombie runs nothing, so it counts as gone.
     */
    static boolean processRuns(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.exists(Path.of("/proc/self/stat"))) {
            try {
                String text = Files.readString(stat);
                String afterName = text.substring(text.lastIndexOf(')') + 2);
                return afterName.charAt(0) != 'Z' && afterName.charAt(0) != 'X';
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
