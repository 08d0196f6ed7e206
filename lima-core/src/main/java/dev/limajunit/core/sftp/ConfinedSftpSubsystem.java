package dev.limajunit.core.sftp;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.Map;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;

/**
 * MINA's SFTP subsystem where the requests about a name itself, which never follow it (LSTAT, READLINK, REMOVE,
 * RENAME), may name a symlink inside the location that points out: they answer with the link's own attributes and its
 * text, and remove or move the link, as any SFTP server does, so {@code ls -l}, {@code find}, {@code rm} or
 * {@code git} in the guest handle such a link (a guest can create one: {@code ln -s /usr/bin/x}). Every other request
 * goes through {@link ConfinedPaths#resolve}, which follows the link and refuses it.
 */
final class ConfinedSftpSubsystem extends SftpSubsystem {

    private final ConfinedPaths paths;

    ConfinedSftpSubsystem(ChannelSession channel, SftpSubsystemConfigurator configurator, ConfinedPaths paths) {
        super(channel, configurator);
        this.paths = paths;
    }

    @Override
    protected Map<String, Object> doLStat(int id, String path, int flags) throws IOException {
        Path link = paths.resolveLink(path);
        boolean followParents = resolvePathResolutionFollowLinks(SftpConstants.SSH_FXP_LSTAT, "", link);
        LinkOption[] options = getFileSystemAccessor()
                .resolveFileAccessLinkOptions(this, link, SftpConstants.SSH_FXP_LSTAT, "", false);
        return resolveFileAttributes(link, flags, !followParents, options);
    }

    @Override
    protected void doRemoveFile(int id, String path) throws IOException {
        Path link = paths.resolveLink(path);
        if (Files.isSymbolicLink(link)) {
            doRemove(id, link, false);
        } else {
            super.doRemoveFile(id, path);
        }
    }

    @Override
    protected void doRename(int id, String oldPath, String newPath, Collection<CopyOption> opts) throws IOException {
        Path from = paths.resolveLink(oldPath);
        Path to = paths.resolveLink(newPath);
        if (!Files.isSymbolicLink(from) && !Files.isSymbolicLink(to)) {
            super.doRename(id, oldPath, newPath, opts);
            return;
        }
        SftpEventListener listener = getSftpEventListenerProxy();
        listener.moving(getServerSession(), from, to, opts);
        try {
            getFileSystemAccessor().renameFile(this, from, to, opts);
        } catch (IOException | RuntimeException e) {
            listener.moved(getServerSession(), from, to, opts, e);
            throw e;
        }
        listener.moved(getServerSession(), from, to, opts, null);
    }

    @Override
    protected SimpleImmutableEntry<Path, String> doReadLink(int id, String path) throws IOException {
        Path link = paths.resolveLink(path);
        return new SimpleImmutableEntry<>(link, getFileSystemAccessor().resolveLinkTarget(this, link));
    }
}
