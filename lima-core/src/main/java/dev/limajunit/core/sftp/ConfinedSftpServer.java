package dev.limajunit.core.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SFTP server confined to one host directory (read-only when the mount is), served over a pair of byte streams,
 * the way sshfs's {@code -o slave} mode speaks it. It is MINA SSHD's SFTP subsystem ({@link ConfinedSftpSubsystem})
 * with a {@link ConfinedFileAccessor}; MINA runs subsystems only inside SSH sessions, so one in-process client session
 * on a 127.0.0.1 port, with a random password and a host key checked by identity, carries the SFTP bytes. Everything
 * lives in this JVM and ends with {@link #close()}.
 */
public final class ConfinedSftpServer implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String USER = "sftp";

    private final SshServer server;
    private final SshClient client;
    private final ClientSession session;
    private final ChannelSubsystem channel;

    private ConfinedSftpServer(SshServer server, SshClient client, ClientSession session, ChannelSubsystem channel) {
        this.server = server;
        this.client = client;
        this.session = session;
        this.channel = channel;
    }

    /** Serves {@code root} (refusing every change when {@code readOnly}). */
    public static ConfinedSftpServer open(Path root, boolean readOnly) throws IOException {
        ConfinedPaths paths = ConfinedPaths.of(root);
        KeyPair hostKey = ecKey();
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, given, s) -> USER.equals(user) && password.equals(given));
        server.setPublickeyAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory() {
            @Override
            public Command createSubsystem(ChannelSession channel) {
                return new ConfinedSftpSubsystem(channel, this, paths);
            }
        };
        sftp.setFileSystemAccessor(new ConfinedFileAccessor(paths, readOnly));
        server.setSubsystemFactories(List.of(sftp));
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier((s, address, key) -> KeyUtils.compareKeys(key, hostKey.getPublic()));
        ClientSession session = null;
        try {
            server.start();
            client.start();
            int port = ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
            session = client.connect(USER, "127.0.0.1", port).verify(TIMEOUT).getSession();
            session.addPasswordIdentity(password);
            session.auth().verify(TIMEOUT);
            ChannelSubsystem channel = session.createSubsystemChannel("sftp");
            channel.open().verify(TIMEOUT);
            return new ConfinedSftpServer(server, client, session, channel);
        } catch (IOException | RuntimeException e) {
            stop(session, client, server);
            throw e;
        }
    }

    /** What the server sends: goes to the client's (sshfs's) stdin. */
    public InputStream fromServer() {
        return channel.getInvertedOut();
    }

    /** What the server reads: the client's (sshfs's) stdout goes here. */
    public OutputStream toServer() {
        return channel.getInvertedIn();
    }

    @Override
    public void close() {
        channel.close(true);
        stop(session, client, server);
    }

    private static void stop(ClientSession session, SshClient client, SshServer server) {
        if (session != null) {
            session.close(true);
        }
        client.stop();
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC key generator in this JVM", e);
        }
    }
}
