package dev.limajunit.core.host;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A virtiofsd binary on the host. The Rust one runs unprivileged and is the one the qemu engine runs, as Lima does;
 * QEMU's C one (QEMU 7.x, {@code /usr/lib/qemu/virtiofsd}) fails without root ({@code setgroups() failed with
 * error=1}), so the qemu engine runs it only when {@value VirtiofsdLocator#PROPERTY} names it, and only as root.
 *
 * @param path    where it is
 * @param kind    which implementation
 * @param version its {@code --version} output (first line)
 * @param named   whether {@value VirtiofsdLocator#PROPERTY} (or {@value VirtiofsdLocator#ENV_VAR}) named it
 */
public record Virtiofsd(Path path, Kind kind, String version, boolean named) {

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

    /** One the locator found by itself (not named by the setting). */
    public Virtiofsd(Path path, Kind kind, String version) {
        this(path, kind, version, false);
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

    /**
     * Why the qemu engine will not run it for a user of this effective uid, or empty when it will: the Rust one
     * always; QEMU's C one only when named and as root (it needs root; Lima v2 accepts only the Rust one).
     */
    public Optional<String> unusableReason(int effectiveUid) {
        if (kind == Kind.RUST) {
            return Optional.empty();
        }
        if (!named) {
            return Optional.of("only QEMU's C virtiofsd " + path + " was found: the qemu engine runs the Rust "
                    + "virtiofsd, as Lima does; install it (bin/install-virtiofsd), or, as root, name the C one with "
                    + VirtiofsdLocator.PROPERTY + "=" + path);
        }
        if (effectiveUid != 0) {
            return Optional.of("QEMU's C virtiofsd " + path + " (named by " + VirtiofsdLocator.PROPERTY
                    + ") needs root, and this runs as euid " + effectiveUid + "; install the Rust virtiofsd "
                    + "(bin/install-virtiofsd) and unset " + VirtiofsdLocator.PROPERTY);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return path + " (" + kind + (version.isEmpty() ? "" : ", " + version)
                + (named ? ", named by " + VirtiofsdLocator.PROPERTY : "") + ")";
    }
}
