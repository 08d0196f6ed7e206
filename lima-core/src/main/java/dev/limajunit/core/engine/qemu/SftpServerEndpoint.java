package dev.limajunit.core.engine.qemu;

import java.io.InputStream;
import java.io.OutputStream;

/** The host side of a reverse-sshfs mount: an SFTP server reached through a pair of byte streams. */
public interface SftpServerEndpoint extends AutoCloseable {

    /** What the server sends (goes to the guest's sshfs stdin). */
    InputStream fromServer();

    /** What the server reads (comes from the guest's sshfs stdout). */
    OutputStream toServer();

    /** Stops the server; idempotent. */
    @Override
    void close();
}
