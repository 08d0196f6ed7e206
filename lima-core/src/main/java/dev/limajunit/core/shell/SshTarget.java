package dev.limajunit.core.shell;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a guest's SSH server listens and how to log in.
 *
 * @param host       usually 127.0.0.1 (a forwarded port)
 * @param port       the forwarded port
 * @param user       the guest user to log in as
 * @param privateKey an OpenSSH private key file (ed25519 or RSA), unencrypted
 * @param hostKeys   how the server's host key is checked
 */
public record SshTarget(String host, int port, String user, Path privateKey, HostKeyPolicy hostKeys) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(hostKeys, "hostKeys");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not in 1..65535");
        }
    }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port;
    }
}
