package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A guest booted once and saved by QEMU's migration, in the kit cache: {@code state} (the migration stream), the
 * key pair the snapshotted guest authorizes until a restore replaces it with the instance's own, and the guest
 * memory file {@code memory} (sparse: the pages the guest touched).
 *
 * @param directory the cache entry
 */
record BootSnapshot(Path directory) {

    static final String STATE = "state";
    static final String KEY = "id_ed25519";
    /** Guest memory, kept out of {@link #STATE} (QEMU's x-ignore-shared). */
    static final String MEMORY = "memory";

    Path state() {
        return directory.resolve(STATE);
    }

    /** The guest memory file (sparse: only the pages the guest touched). */
    Path memory() {
        return directory.resolve(MEMORY);
    }

    /** The private key the snapshotted guest accepts (the cache entry is readable by its owner only). */
    Path privateKey() {
        return directory.resolve(KEY);
    }

    String publicKeyLine() {
        try {
            return Files.readString(directory.resolve(KEY + ".pub")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isComplete() {
        return Files.isReadable(state()) && Files.isReadable(privateKey()) && Files.isReadable(memory());
    }
}
