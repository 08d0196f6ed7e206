package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks the server's host key per {@link HostKeyPolicy}. Remembers a mismatch so the connect error can say
 * which key was seen and which was expected.
 */
final class HostKeyCheck implements ServerKeyVerifier {

    private final SshTarget target;
    private final List<PublicKey> expected;
    private final AtomicReference<String> rejection = new AtomicReference<>();

    private HostKeyCheck(SshTarget target, List<PublicKey> expected) {
        this.target = target;
        this.expected = expected;
    }

    static HostKeyCheck of(SshTarget target) {
        HostKeyPolicy policy = target.hostKeys();
        if (policy instanceof HostKeyPolicy.Expect expect) {
            return new HostKeyCheck(target, readPublicKeys(expect.publicKeyFile()));
        }
        // Accepting any key is only safe for a port we forwarded ourselves to a VM we started: loopback only.
        requireLoopback(target);
        return new HostKeyCheck(target, null);
    }

    /** Host key types the client may negotiate: the expected keys' types, or null for no restriction. */
    Set<String> keyTypes() {
        if (expected == null) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (PublicKey key : expected) {
            types.addAll(KeyUtils.getAllEquivalentKeyTypes(KeyUtils.getKeyType(key)));
        }
        return types;
    }

    /** Why the last host key was refused, or null. */
    String rejection() {
        return rejection.get();
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        if (expected == null) {
            return true;
        }
        for (PublicKey key : expected) {
            if (KeyUtils.compareKeys(key, serverKey)) {
                return true;
            }
        }
        HostKeyPolicy.Expect expect = (HostKeyPolicy.Expect) target.hostKeys();
        rejection.set("host key of " + target.host() + ":" + target.port() + " is "
                + KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey)
                + " but " + expect.publicKeyFile() + " expects "
                + expected.stream().map(k -> KeyUtils.getKeyType(k) + " " + KeyUtils.getFingerPrint(k)).toList());
        return false;
    }

    private static void requireLoopback(SshTarget target) {
        try {
            for (InetAddress address : InetAddress.getAllByName(target.host())) {
                if (!address.isLoopbackAddress()) {
                    throw new GuestShellException("HostKeyPolicy.AcceptAnyOnLoopback is allowed only for loopback "
                            + "addresses, but host \"" + target.host() + "\" is " + address.getHostAddress()
                            + "; use HostKeyPolicy.expect(<host key .pub file>)");
                }
            }
        } catch (UnknownHostException e) {
            throw new GuestShellException("cannot resolve SSH host \"" + target.host() + "\"", e);
        }
    }

    private static List<PublicKey> readPublicKeys(Path file) {
        List<PublicKey> keys = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(trimmed);
                keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new GuestShellException("cannot read SSH host public key file " + file + ": " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new GuestShellException("SSH host public key file " + file + " holds no key");
        }
        return keys;
    }
}
