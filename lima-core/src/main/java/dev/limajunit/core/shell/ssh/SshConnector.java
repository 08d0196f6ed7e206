package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.SshTarget;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.core.CoreModuleProperties;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Opens authenticated sessions to one target with one {@link SshClient}. Keys and host key policy are checked
 * once, up front; failures become messages that name the user, host:port and key file.
 */
final class SshConnector implements AutoCloseable {

    private final SshTarget target;
    private final SshShellOptions options;
    private final List<KeyPair> keys;
    private final HostKeyCheck hostKeyCheck;
    private final SshClient client;

    SshConnector(SshTarget target, SshShellOptions options) {
        this.target = target;
        this.options = options;
        this.keys = PrivateKeyFile.load(target.privateKey());
        this.hostKeyCheck = HostKeyCheck.of(target);
        this.client = newClient();
    }

    private SshClient newClient() {
        SshClient c = SshClient.setUpDefaultClient();
        // Only what the target says: no ~/.ssh/config, no default identities, no agent, no passwords.
        c.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        // User keys may use any signature the client knows, whatever the host key type is.
        c.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory(new ArrayList<>(c.getSignatureFactories()))));
        c.setServerKeyVerifier(hostKeyCheck);
        Set<String> hostKeyTypes = hostKeyCheck.keyTypes();
        if (hostKeyTypes != null) {
            // Negotiate the host key type we hold; else the server may offer another of its keys.
            c.setSignatureFactories(c.getSignatureFactories().stream()
                    .filter(f -> hostKeyTypes.contains(f.getName())).toList());
        }
        // Small request packets must not wait for the server's delayed ACK (Nagle): measured on a TCG guest,
        // a `true` round trip fell from ~105 ms to ~45 ms. OpenSSH sets the same for interactive sessions.
        CoreModuleProperties.TCP_NODELAY.set(c, true);
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(c, options.heartbeatInterval());
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(c, options.heartbeatInterval());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(c, 3);
        CoreModuleProperties.IDLE_TIMEOUT.set(c, options.idleTimeout());
        c.start();
        return c;
    }

    String describe() {
        return target.user() + "@" + target.host() + ":" + target.port();
    }

    ClientSession connect() {
        ClientSession session = null;
        try {
            session = client.connect(target.user(), new InetSocketAddress(target.host(), target.port()), null, null)
                    .verify(options.connectTimeout())
                    .getSession();
            for (KeyPair key : keys) {
                session.addPublicKeyIdentity(key);
            }
            session.auth().verify(options.connectTimeout());
            return session;
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            throw translate(e, session != null);
        }
    }

    private GuestShellException translate(Exception e, boolean connected) {
        if (hostKeyCheck.rejection() != null) {
            return new GuestShellException("SSH host key check failed for " + describe() + ": "
                    + hostKeyCheck.rejection(), e);
        }
        if (hasCause(e, ConnectException.class)) {
            return new GuestShellException("cannot connect to " + target.host() + ":" + target.port()
                    + ": connection refused (is the guest's sshd up and the port forwarded?)", e);
        }
        if (connected && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("authentication")) {
            return new GuestShellException("SSH authentication failed for user \"" + target.user() + "\" at "
                    + target.host() + ":" + target.port() + " with key file " + target.privateKey()
                    + " (the server did not accept the key): " + e.getMessage(), e);
        }
        if (connected) {
            return new GuestShellException("SSH handshake with " + describe() + " (key file " + target.privateKey()
                    + ") failed: " + e.getMessage(), e);
        }
        return new GuestShellException("cannot connect to " + target.host() + ":" + target.port() + " within "
                + options.connectTimeout().toMillis() + " ms: " + e, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.stop();
    }
}
