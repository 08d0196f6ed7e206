package dev.limajunit.core.mount;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import java.nio.file.Path;

/**
 * A host directory mounted in a running guest: the pair of paths that name the same files on both sides.
 *
 * @param mount     the resolved mount it came from
 * @param type      how it is mounted
 * @param hostPath  the directory on the host
 * @param guestPath where the guest sees it
 * @param shell     the guest shell of the instance it is mounted in
 */
public record MountedDirectory(ResolvedMount mount, MountType type, Path hostPath, GuestPath guestPath, GuestShell shell) {

    public boolean writable() {
        return mount.writable();
    }

    /**
     * The host path of {@code relative} inside this mount.
     *
     * @throws IllegalArgumentException when it is absolute or escapes the mount with {@code ..}
     */
    public Path host(String relative) {
        Path resolved = hostPath.resolve(relative).normalize();
        if (Path.of(relative).isAbsolute() || !resolved.startsWith(hostPath.normalize())) {
            throw new IllegalArgumentException("\"" + relative + "\" escapes the mount " + hostPath);
        }
        return resolved;
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
