package dev.limajunit.core.sftp;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.sshd.common.util.io.IoUtils;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

/**
 * MINA's SFTP file access, confined to one directory: every path a client names goes through {@link ConfinedPaths}
 * (no {@code ..}, absolute path or symlink leads out), and on a read-only mount every change is refused. Attributes
 * are read only where the read stays inside (a listing reports a symlink's own attributes, never its target's), and
 * a hard link can only be made to a file inside. The SFTP subsystem handles one request at a time per client, so a
 * check and the access it guards cannot be raced by the same client.
 */
final class ConfinedFileAccessor implements SftpFileSystemAccessor {

    private static final Set<OpenOption> WRITES = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.DELETE_ON_CLOSE);

    private final ConfinedPaths paths;
    private final boolean readOnly;

    ConfinedFileAccessor(ConfinedPaths paths, boolean readOnly) {
        this.paths = paths;
        this.readOnly = readOnly;
    }

    @Override
    public Path resolveLocalFilePath(SftpSubsystemProxy subsystem, Path rootDir, String remotePath)
            throws IOException, InvalidPathException {
        return paths.resolve(remotePath);
    }

    @Override
    public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                        Set<? extends OpenOption> options,
                                        FileAttribute<?>... attrs) throws IOException {
        paths.check(file, file.toString());
        if (readOnly && options.stream().anyMatch(WRITES::contains)) {
            throw refused(file);
        }
        return SftpFileSystemAccessor.super.openFile(subsystem, fileHandle, file, handle, options, attrs);
    }

    @Override
    public DirectoryStream<Path> openDirectory(SftpSubsystemProxy subsystem, DirectoryHandle dirHandle, Path dir,
                                               String handle, LinkOption... options) throws IOException {
        paths.check(dir, dir.toString());
        return SftpFileSystemAccessor.super.openDirectory(subsystem, dirHandle, dir, handle, options);
    }

    @Override
    public Map<String, ?> readFileAttributes(SftpSubsystemProxy subsystem, Path file, String view,
                                             LinkOption... options) throws IOException {
        Path reported = paths.reportable(file, IoUtils.followLinks(options));
        return SftpFileSystemAccessor.super.readFileAttributes(subsystem, reported, view, options);
    }

    @Override
    public void createDirectory(SftpSubsystemProxy subsystem, Path path) throws IOException {
        writable(path);
        SftpFileSystemAccessor.super.createDirectory(subsystem, path);
    }

    @Override
    public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink) throws IOException {
        writable(link);
        // a symlink's target is only text, refused when followed; a hard link IS its target: MINA hands over the
        // client's string unresolved, and a link to a file outside would serve that file's content from inside
        Path target = symLink ? existing : paths.resolve(existing.toString());
        SftpFileSystemAccessor.super.createLink(subsystem, link, target, symLink);
    }

    @Override
    public void copyFile(SftpSubsystemProxy subsystem, Path src, Path dst, Collection<CopyOption> opts)
            throws IOException {
        paths.check(src, src.toString());
        writable(dst);
        SftpFileSystemAccessor.super.copyFile(subsystem, src, dst, opts);
    }

    @Override
    public void renameFile(SftpSubsystemProxy subsystem, Path oldPath, Path newPath, Collection<CopyOption> opts)
            throws IOException {
        // rename(2) follows neither last name: a link that points out is moved or replaced, never gone through
        writableName(oldPath);
        writableName(newPath);
        SftpFileSystemAccessor.super.renameFile(subsystem, oldPath, newPath, opts);
    }

    @Override
    public void removeFile(SftpSubsystemProxy subsystem, Path path, boolean isDirectory) throws IOException {
        writableName(path); // unlink and rmdir do not follow the last name
        SftpFileSystemAccessor.super.removeFile(subsystem, path, isDirectory);
    }

    @Override
    public void setFileAttribute(SftpSubsystemProxy subsystem, Path file, String view, String attribute, Object value,
                                 LinkOption... options) throws IOException {
        writable(file);
        SftpFileSystemAccessor.super.setFileAttribute(subsystem, file, view, attribute, value, options);
    }

    @Override
    public void setFileOwner(SftpSubsystemProxy subsystem, Path file, Principal value, LinkOption... options)
            throws IOException {
        writable(file);
        SftpFileSystemAccessor.super.setFileOwner(subsystem, file, value, options);
    }

    @Override
    public void setFilePermissions(SftpSubsystemProxy subsystem, Path file, Set<PosixFilePermission> perms,
                                   LinkOption... options) throws IOException {
        writable(file);
        SftpFileSystemAccessor.super.setFilePermissions(subsystem, file, perms, options);
    }

    @Override
    public void setFileAccessControl(SftpSubsystemProxy subsystem, Path file, List<AclEntry> acl, LinkOption... options)
            throws IOException {
        writable(file);
        SftpFileSystemAccessor.super.setFileAccessControl(subsystem, file, acl, options);
    }

    private void writable(Path path) throws IOException {
        paths.check(path, path.toString());
        if (readOnly) {
            throw refused(path);
        }
    }

    private void writableName(Path path) throws IOException {
        paths.checkName(path, path.toString());
        if (readOnly) {
            throw refused(path);
        }
    }

    private AccessDeniedException refused(Path path) {
        return new AccessDeniedException(path.toString(), null, "the mount is read-only");
    }
}
