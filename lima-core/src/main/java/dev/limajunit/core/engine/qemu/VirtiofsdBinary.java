package dev.limajunit.core.engine.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's virtiofsd: the Rust one when present (it runs unprivileged; Lima accepts only it), else QEMU's C one,
 * which refuses to run without root ({@code setgroups() failed with error=1}).
 *
 * @param path where it is
 * @param rust whether it is the Rust implementation
 */
record VirtiofsdBinary(Path path, boolean rust) {

    private static final List<Path> RUST_CANDIDATES = List.of(
            Path.of("/usr/libexec/virtiofsd"), Path.of("/usr/lib/virtiofsd"), Path.of("/usr/bin/virtiofsd"));
    private static final Path QEMU_C = Path.of("/usr/lib/qemu/virtiofsd");

    static Optional<VirtiofsdBinary> find() {
        List<Path> candidates = new ArrayList<>(RUST_CANDIDATES);
        String pathVar = System.getenv("PATH");
        if (pathVar != null) {
            for (String dir : pathVar.split(":")) {
                candidates.add(Path.of(dir, "virtiofsd"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isExecutable(candidate) && !candidate.equals(QEMU_C) && isRust(candidate)) {
                return Optional.of(new VirtiofsdBinary(candidate, true));
            }
        }
        return Files.isExecutable(QEMU_C) ? Optional.of(new VirtiofsdBinary(QEMU_C, false)) : Optional.empty();
    }

    /** The Rust one prints "virtiofsd 1.x"; QEMU's C one prints "virtiofsd version 7.2..." or rejects the option. */
    private static boolean isRust(Path candidate) {
        try {
            String out = HostTool.run(null, List.of(candidate.toString(), "--version")).strip();
            return out.matches("(?s)^virtiofsd v?\\d.*");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Why it cannot run for this user, or empty. */
    Optional<String> unusableReason() {
        if (!rust && !"root".equals(System.getProperty("user.name"))) {
            return Optional.of("only QEMU's C virtiofsd (" + path + ") is installed and it needs root; install the Rust "
                    + "virtiofsd (Debian package virtiofsd) or run as root");
        }
        return Optional.empty();
    }

    /** The command line serving {@code directory} on {@code socket}. */
    List<String> commandLine(Path socket, Path directory) {
        if (rust) {
            List<String> argv = new ArrayList<>(List.of(path.toString(), "--socket-path=" + socket,
                    "--shared-dir=" + directory, "--cache=auto"));
            if (!"root".equals(System.getProperty("user.name"))) {
                argv.add("--sandbox=none"); // namespaces need privileges most CI users lack
            }
            return argv;
        }
        return List.of(path.toString(), "--socket-path=" + socket, "-o", "source=" + directory, "-o", "cache=auto");
    }
}
