package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.host.HostProbe;
import dev.limajunit.core.host.Virtiofsd;
import dev.limajunit.core.host.VirtiofsdLocator;
import java.nio.file.Path;
import java.util.List;

/**
 * The virtiofsd a virtiofs boot runs, found as Lima finds it ({@link VirtiofsdLocator}), with the command line Lima
 * gives it.
 *
 * @param virtiofsd the binary, its kind and version
 */
record VirtiofsdBinary(Virtiofsd virtiofsd) {

    /**
     * The one for this host and this user.
     *
     * @throws IllegalStateException naming why there is none this user may run
     * @throws IllegalArgumentException when {@value VirtiofsdLocator#PROPERTY} names no executable file
     */
    static VirtiofsdBinary forThisHost(Path qemu) {
        Virtiofsd found = VirtiofsdLocator.forThisHost(qemu).locate().orElseThrow(() -> new IllegalStateException(
                "no virtiofsd found: install the Rust virtiofsd (bin/install-virtiofsd registers it where Lima "
                        + "looks)"));
        found.unusableReason(HostProbe.effectiveUid()).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        return new VirtiofsdBinary(found);
    }

    /**
     * The command line serving {@code directory} on {@code socket}. The Rust one gets exactly Lima's arguments (Lima
     * v2.2 {@code VirtiofsdCmdline}): its defaults decide the rest (sandbox {@code namespace}, cache {@code auto}).
     */
    List<String> commandLine(Path socket, Path directory) {
        String path = virtiofsd.path().toString();
        if (virtiofsd.kind() == Virtiofsd.Kind.RUST) {
            return List.of(path, "--socket-path", socket.toString(), "--shared-dir", directory.toString());
        }
        return List.of(path, "--socket-path=" + socket, "-o", "source=" + directory, "-o", "cache=auto");
    }
}
