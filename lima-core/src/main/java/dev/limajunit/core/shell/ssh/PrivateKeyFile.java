package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.GuestShellException;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

/** Reads an unencrypted OpenSSH private key file (ed25519 or RSA) as {@code ssh-keygen} writes it. */
final class PrivateKeyFile {

    private PrivateKeyFile() {
    }

    static List<KeyPair> load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new GuestShellException("SSH private key file " + file + " does not exist");
        }
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(
                    null, NamedResource.ofName(file.toString()), in, FilePasswordProvider.EMPTY);
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new GuestShellException("cannot read SSH private key file " + file
                    + " (expected an unencrypted OpenSSH ed25519 or RSA key): " + e.getMessage(), e);
        }
        if (keys.isEmpty()) {
            throw new GuestShellException("SSH private key file " + file + " holds no key");
        }
        return keys;
    }
}
