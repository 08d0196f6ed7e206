package dev.limajunit.assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.stream.Stream;

/** Reads a {@link FileView} of a host path, the same way {@link GuestProbe} reads one in the guest. */
final class HostView {

    private HostView() {
    }

    static FileView of(Path path) {
        try {
            boolean listed = listed(path);
            String link = Files.isSymbolicLink(path) ? Files.readSymbolicLink(path).toString() : null;
            if (!Files.exists(path)) {
                return FileView.absent(listed, link);
            }
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class);
            FileView.Type type = attributes.isRegularFile() ? FileView.Type.FILE
                    : attributes.isDirectory() ? FileView.Type.DIRECTORY : FileView.Type.OTHER;
            int uid = (Integer) Files.getAttribute(path, "unix:uid");
            int gid = (Integer) Files.getAttribute(path, "unix:gid");
            byte[] content = type == FileView.Type.FILE && Files.isReadable(path) ? Files.readAllBytes(path) : null;
            return new FileView(listed, link, type, attributes.size(), mode(attributes), uid, gid,
                    attributes.lastModifiedTime().toMillis() / 1000, content);
        } catch (NoSuchFileException e) {
            return of(path); // it went away between two reads: look again
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read host path " + path + ": " + e, e);
        }
    }

    private static boolean listed(Path path) throws IOException {
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(parent)) {
            return false;
        }
        try (Stream<Path> names = Files.list(parent)) {
            return names.anyMatch(name -> name.getFileName().equals(path.getFileName()));
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static int mode(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }
}
