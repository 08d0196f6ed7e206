package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.sftp.ConfinedSftpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Lima's {@code builtin} sftpDriver: an in-process SFTP server, here one that cannot leave the mount's location
 * ({@link ConfinedSftpServer}); Lima's own builtin server and OpenSSH's {@code sftp-server -d} serve the whole host
 * file system to whatever runs as sshfs in the guest.
 */
final class BuiltinSftpServer implements SftpServerFactory {

    @Override
    public SftpServerEndpoint open(ResolvedMount mount, Path instanceDir) throws IOException {
        ConfinedSftpServer server = ConfinedSftpServer.open(mount.location(), !mount.writable());
        return new SftpServerEndpoint() {
            @Override
            public InputStream fromServer() {
                return server.fromServer();
            }

            @Override
            public OutputStream toServer() {
                return server.toServer();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
