package dev.limajunit.core.host;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A virtiofsd binary on the host. The Rust one runs unprivileged (and is the only one Lima accepts); QEMU's C one
 * (QEMU 7.x, {@code /usr/lib/qemu/virtiofsd}) fails without root ({@code setgroups() failed with error=1}).
 *
 * @param path    where it is
 * @param kind    which implementation
 * @param version its {@code --version} output (first line)
 */
public record Virtiofsd(Path path, Kind kind, String version) {

    /** The two implementations. */
    public enum Kind {
        RUST("the Rust virtiofsd"),
        QEMU_C("QEMU's C virtiofsd");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    public Virtiofsd {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        version = version == null ? "" : version;
    }

    /**
     * Tells the implementations apart from {@code --version}: the Rust one prints {@code virtiofsd 1.10.1}; QEMU's
     * C one prints {@code virtiofsd version 7.2.22 (Debian ...)} (older ones reject the option).
     */
    public static Kind kindOf(Path path, String versionOutput) {
        String out = versionOutput == null ? "" : versionOutput.strip();
        boolean rust = out.matches("(?s)^virtiofsd v?\\d.*") && !out.contains("QEMU");
        return rust ? Kind.RUST : Kind.QEMU_C;
    }

    @Override
    public String toString() {
        return path + " (" + kind + (version.isEmpty() ? "" : ", " + version) + ")";
    }
}
