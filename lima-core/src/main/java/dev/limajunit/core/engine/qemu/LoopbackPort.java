package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free TCP port on the host's loopback address, for QEMU to forward the guest's SSH to. */
final class LoopbackPort {

    private LoopbackPort() {
    }

    /**
     * A port free at the moment of asking; another process may take it before QEMU binds it, which {@link QemuLauncher}
     * retries.
     */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port for the guest's SSH", e);
        }
    }
}
