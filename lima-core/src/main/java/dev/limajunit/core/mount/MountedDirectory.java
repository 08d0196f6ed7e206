package dev.limajunit.core.mount;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A host directory mounted in a running guest: the pair of paths that name the same files on both sides.
 *
 * @param mount     the resolved mount it came from
 * @param type      how it is mounted
 * @param hostPath  the directory on the host
 * @param guestPath where the guest sees it
 * @param shell     the guest shell of the instance it is mounted in
 */
public record MountedDirectory(ResolvedMount mount, MountType type, Path hostPath, GuestPath guestPath,
        GuestShell shell) {

    public boolean writable() {
        return mount.writable();
    }

    /**
     * The host path of {@code relative} inside this mount.
     *
     * @throws IllegalArgumentException when it is absolute, escapes the mount with {@code ..}, or runs through a
     *                                  symlink on the host that points out of the mount
     */
    public Path host(String relative) {
        Path resolved = hostPath.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(hostPath.normalize())) {
            throw new IllegalArgumentException("\"" + relative + "\" escapes the mount " + hostPath);
        }
        realPathOutside(resolved).ifPresent(real -> {
            throw new IllegalArgumentException("\"" + relative + "\" escapes the mount " + hostPath
                    + " through a symlink (it leads to " + real + ")");
        });
        return resolved;
    }

    /** Where the deepest existing part of {@code path} really is, when that is outside the mount's real location. */
    private Optional<Path> realPathOutside(Path path) {
        return realPathOutside(path, 0);
    }

    private Optional<Path> realPathOutside(Path path, int depth) {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.exists(hostPath)) {
            return Optional.empty();
        }
        try {
            Path real = existing.toRealPath();
            return real.startsWith(hostPath.toRealPath()) ? Optional.empty() : Optional.of(real);
        } catch (IOException dangling) {
            // a symlink to nothing (yet): writing through it would create its target, so follow it by name
            try {
                Path target = existing.getParent().resolve(Files.readSymbolicLink(existing)).normalize();
                return depth > 40 ? Optional.of(target) : realPathOutside(target, depth + 1);
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * The guest path of {@code relative} inside this mount.
     *
     * @throws IllegalArgumentException when it is absolute or escapes the mount with {@code ..}
     */
    public GuestPath guest(String relative) {
        return guestPath.resolve(relative);
    }

    @Override
    public String toString() {
        return type + " " + hostPath + " -> " + guestPath + (writable() ? " (rw)" : " (ro)");
    }
}
