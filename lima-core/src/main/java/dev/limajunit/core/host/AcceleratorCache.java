package dev.limajunit.core.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keeps accelerator probe results across JVMs, so that only the first test JVM after a boot pays for a broken
 * accelerator's probe timeout. A result is reused only for the same QEMU binary (path, size, mtime), the same
 * kernel and, on Linux, the same boot ({@code /proc/sys/kernel/random/boot_id}); anything else probes again.
 */
final class AcceleratorCache {

    private final Path dir;

    AcceleratorCache(Path dir) {
        this.dir = dir;
    }

    /** {@code $XDG_CACHE_HOME/lima-junit/host}, else {@code ~/.cache/lima-junit/host}. */
    static AcceleratorCache inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new AcceleratorCache(base.resolve("lima-junit").resolve("host"));
    }

    Optional<List<AcceleratorCheck>> load(Path qemu, OperatingSystem os, String arch) {
        Optional<Path> file = file(qemu, os, arch);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            List<AcceleratorCheck> checks = new ArrayList<>();
            for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length != 3) {
                    return Optional.empty();
                }
                checks.add(new AcceleratorCheck(Accelerator.valueOf(parts[0]), Boolean.parseBoolean(parts[1]),
                        parts[2] + " (probed earlier in this boot)"));
            }
            return checks.isEmpty() ? Optional.empty() : Optional.of(checks);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void store(Path qemu, OperatingSystem os, String arch, List<AcceleratorCheck> checks) {
        Optional<Path> file = file(qemu, os, arch);
        if (file.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (AcceleratorCheck c : checks) {
            text.append(c.accelerator().name()).append('\t').append(c.works()).append('\t')
                    .append(c.detail().replace('\n', ' ').replace('\t', ' ')).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "accelerators-", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // a cache: probing again next time is the only cost
        }
    }

    private Optional<Path> file(Path qemu, OperatingSystem os, String arch) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(qemu, BasicFileAttributes.class);
            String key = String.join("|", qemu.toAbsolutePath().toString(), String.valueOf(attrs.size()),
                    attrs.lastModifiedTime().toString(), os.name(), arch, System.getProperty("os.version", ""),
                    bootId(), String.valueOf(Files.exists(Path.of("/dev/kvm"))));
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Optional.of(dir.resolve("accelerators-" + HexFormat.of().formatHex(hash, 0, 8) + ".tsv"));
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException e) {
            return "no-boot-id";
        }
    }
}
