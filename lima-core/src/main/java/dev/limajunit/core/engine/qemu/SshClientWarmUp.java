package dev.limajunit.core.engine.qemu;

import java.nio.file.Path;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.config.keys.loader.KeyPairResourceParser;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads and starts the SSH client machinery (security providers, key parsers, thread pools) on a background thread
 * while the guest boots, so the first connection of a JVM does not pay for it after the guest is ready (about a
 * second on a busy host). Best effort: any failure here is ignored, the real connection reports its own.
 */
final class SshClientWarmUp {

    private static volatile boolean done;

    private SshClientWarmUp() {
    }

    static void startInBackground(Path privateKey) {
        if (done) {
            return;
        }
        done = true;
        Thread thread = new Thread(() -> {
            try {
                KeyPairResourceParser parser = SecurityUtils.getKeyPairResourceParser();
                parser.loadKeyPairs(null, privateKey, null);
                SshClient client = SshClient.setUpDefaultClient();
                client.start();
                client.stop();
            } catch (Exception | LinkageError e) {
                // only a warm-up
            }
        }, "lima-junit ssh warm-up");
        thread.setDaemon(true);
        thread.start();
    }
}
