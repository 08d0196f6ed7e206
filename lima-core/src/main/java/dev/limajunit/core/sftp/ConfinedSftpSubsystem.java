package dev.limajunit.core.sftp;

import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Map;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemConfigurator;

/**
 * MINA's SFTP subsystem where the two requests about a symlink itself, LSTAT and READLINK, may name a symlink inside
 * the location that points out: they answer with the link's own attributes and its text, as any SFTP server does, so
 * {@code ls -l}, {@code find} or {@code git status} in the guest see the link. Every other request goes through
 * {@link ConfinedPaths#resolve}, which follows the link and refuses it.
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
    protected SimpleImmutableEntry<Path, String> doReadLink(int id, String path) throws IOException {
        Path link = paths.resolveLink(path);
        return new SimpleImmutableEntry<>(link, getFileSystemAccessor().resolveLinkTarget(this, link));
    }
}
