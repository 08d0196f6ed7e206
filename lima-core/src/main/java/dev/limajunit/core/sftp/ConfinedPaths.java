package dev.limajunit.core.sftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Decides which host paths an SFTP client may touch: only the root directory and what lies below it, after
 * {@code ..} is resolved and after symlinks are followed. Absolute requests are host paths (sshfs asks for
 * {@code :LOCATION}, the mount's absolute location); relative ones are taken from the root.
 *
 * @param root     the mount's location as given
 * @param realRoot the location with its own symlinks resolved
 */
record ConfinedPaths(Path root, Path realRoot) {

    static ConfinedPaths of(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        return new ConfinedPaths(absolute, absolute.toRealPath());
    }

    /** The host path for a client's request, or {@link AccessDeniedException} when it leads out of the root. */
    Path resolve(String requested) throws AccessDeniedException {
        Path asked = requested.isEmpty() || requested.equals(".") ? root
                : requested.startsWith("/") ? Path.of(requested) : root.resolve(requested);
        Path lexical = asked.normalize();
        if (!lexical.startsWith(root) && !lexical.startsWith(realRoot)) {
            throw new AccessDeniedException(requested, null, "outside the mount's location " + root);
        }
        check(lexical, requested);
        return lexical;
    }

    /**
     * Follows symlinks: the path itself when it exists (a symlink is followed to its target), else its nearest
     * existing ancestor (a file about to be created) must lie inside the real root.
     */
    void check(Path path, String requested) throws AccessDeniedException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new AccessDeniedException(requested, null, "outside the mount's location " + root);
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            // a dangling symlink: its target is unknown territory
            throw new AccessDeniedException(requested, null, "a symlink that leads nowhere inside " + root);
        }
        if (!real.startsWith(realRoot)) {
            throw new AccessDeniedException(requested, null, "leads out of the mount's location " + root + " (to " + real + ")");
        }
    }
}
