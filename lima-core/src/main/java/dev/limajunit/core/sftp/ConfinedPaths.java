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
 * <p>
 * Every refusal is the same {@link AccessDeniedException} naming only what the client asked for: whether a path
 * outside exists, or where a symlink leads, must not be told apart by the answer.
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
        Path lexical = lexical(requested);
        check(lexical, requested);
        return lexical;
    }

    /**
     * The host path for a request about a name itself, which is never followed (LSTAT, READLINK, REMOVE, RENAME):
     * like {@link #resolve} except that the last name may be a symlink that points out, to be looked at, removed or
     * replaced, never gone through.
     */
    Path resolveLink(String requested) throws AccessDeniedException {
        Path lexical = lexical(requested);
        checkName(lexical, requested);
        return lexical;
    }

    /** For an access that does not follow the last name of {@code path}: the directory holding it must lie inside. */
    void checkName(Path path, String requested) throws AccessDeniedException {
        Path normalized = path.toAbsolutePath().normalize();
        if (!isInside(normalized)) {
            throw refused(requested);
        }
        Path parent = normalized.getParent();
        check(isRoot(normalized) || parent == null ? normalized : parent, requested);
    }

    /**
     * The path whose attributes may be reported for {@code path}, read following symlinks or not: the path itself
     * when that read stays inside. The root is reported as its real directory; a listing of the root names the
     * root's parent as its {@code ..} entry, and like a chroot's, the root answers for it.
     */
    Path reportable(Path path, boolean followLinks) throws AccessDeniedException {
        Path normalized = path.toAbsolutePath().normalize();
        if (isRoot(normalized) || normalized.equals(root.getParent()) || normalized.equals(realRoot.getParent())) {
            return realRoot;
        }
        if (!isInside(normalized)) {
            throw refused(path.toString());
        }
        if (followLinks) {
            check(normalized, path.toString());
        } else {
            checkName(normalized, path.toString());
        }
        return path;
    }

    /**
     * Follows symlinks: the path itself when it exists (a symlink is followed to its target), else its nearest
     * existing ancestor (a file about to be created) must lie inside the real root. A dangling symlink is refused
     * like one that points out, so the answer does not tell whether its target exists.
     */
    void check(Path path, String requested) throws AccessDeniedException {
        Path existing = path;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw refused(requested);
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            throw refused(requested);
        }
        if (!real.startsWith(realRoot)) {
            throw refused(requested);
        }
    }

    private Path lexical(String requested) throws AccessDeniedException {
        Path asked = requested.isEmpty() || requested.equals(".") ? root
                : requested.startsWith("/") ? Path.of(requested) : root.resolve(requested);
        Path lexical = asked.normalize();
        if (!isInside(lexical)) {
            throw refused(requested);
        }
        return lexical;
    }

    private boolean isInside(Path normalized) {
        return normalized.startsWith(root) || normalized.startsWith(realRoot);
    }

    private boolean isRoot(Path normalized) {
        return normalized.equals(root) || normalized.equals(realRoot);
    }

    private AccessDeniedException refused(String requested) {
        return new AccessDeniedException(requested, null, "outside the mount's location " + root);
    }
}
