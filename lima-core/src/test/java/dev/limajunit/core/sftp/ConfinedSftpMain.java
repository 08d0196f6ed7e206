package dev.limajunit.core.sftp;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Serves {@code ROOT} (read-only with a second argument {@code ro}) with the {@link ConfinedSftpServer} on this
 * process's stdin/stdout, so a real SFTP client ({@code sftp -D}) can talk to it the way the guest's sshfs does.
 */
public final class ConfinedSftpMain {

    private ConfinedSftpMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ConfinedSftpServer server = ConfinedSftpServer.open(Path.of(args[0]), args.length > 1
                && args[1].equals("ro"))) {
            Thread in = new Thread(() -> pump(System.in, server.toServer()), "stdin->sftp");
            in.setDaemon(true);
            in.start();
            pump(server.fromServer(), System.out);
        }
    }

    private static void pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                to.write(buffer, 0, n);
                to.flush();
            }
            to.close();
        } catch (Exception e) {
            // one side ended
        }
        if (to == System.out) {
            return;
        }
        System.exit(0); // the client hung up
    }
}
