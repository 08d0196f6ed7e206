package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What every qemu-engine guest boots from, shared by all instances: kernel image, initramfs and the public half of
 * the guest's SSH host key (so the engine can insist on exactly that key).
 *
 * @param kernel        the image passed to {@code -kernel}
 * @param initramfs     the uncompressed initramfs passed to {@code -initrd}
 * @param hostPublicKey the guest sshd's host key, an OpenSSH {@code .pub} file
 * @param directory     the kit's cache directory
 */
public record GuestKit(Path kernel, Path initramfs, Path hostPublicKey, Path directory) {

    /** Whether every file is still there (the cache may have been cleaned). */
    boolean isComplete() {
        return Files.isReadable(kernel) && Files.isReadable(initramfs) && Files.isReadable(hostPublicKey);
    }

    /** The host key line ("ssh-ed25519 AAAA... comment"). */
    public String hostPublicKeyLine() {
        try {
            return Files.readString(hostPublicKey).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
