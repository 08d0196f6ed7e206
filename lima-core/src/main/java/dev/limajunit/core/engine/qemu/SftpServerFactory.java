package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedMount;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Starts the SFTP server for one reverse-sshfs mount. Lima has two drivers: {@code openssh-sftp-server} (the host's
 * {@code sftp-server} binary, {@link OpenSshSftpServer}) and {@code builtin} (an in-process server); an engine gets
 * one factory per driver.
 */
@FunctionalInterface
public interface SftpServerFactory {

    /**
     * @param mount       the mount to serve (location, writable)
     * @param instanceDir where logs may go
     */
    SftpServerEndpoint open(ResolvedMount mount, Path instanceDir) throws IOException;
}
