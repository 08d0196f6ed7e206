package dev.limajunit.core.shell;

import java.nio.file.Path;

/** How a guest's SSH host key is checked. */
public sealed interface HostKeyPolicy {

    /** The server must present exactly the public key in this OpenSSH {@code .pub} file. */
    record Expect(Path publicKeyFile) implements HostKeyPolicy {}

    /**
     * Any host key is accepted, allowed only when the target is a loopback address (a port forwarded to a VM we
     * started ourselves, whose key we could not know in advance). Connecting elsewhere with it is refused.
     */
    record AcceptAnyOnLoopback() implements HostKeyPolicy {}

    static HostKeyPolicy expect(Path publicKeyFile) {
        return new Expect(publicKeyFile);
    }

    static HostKeyPolicy acceptAnyOnLoopback() {
        return new AcceptAnyOnLoopback();
    }
}
