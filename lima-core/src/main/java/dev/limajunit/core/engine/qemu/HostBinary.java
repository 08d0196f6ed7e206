package dev.limajunit.core.engine.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A host program the guest needs, copied into the initramfs with the shared libraries it loads.
 *
 * @param path          where Debian installs it (also its path in the guest)
 * @param debianPackage the package to install when it is missing
 */
record HostBinary(Path path, String debianPackage) {

    /** Everything the guest runs besides busybox: sshd and SFTP, the sshfs client, inotifywait, nanosecond touch. */
    static final List<HostBinary> GUEST_PROGRAMS = List.of(
            new HostBinary(Path.of("/usr/sbin/sshd"), "openssh-server"),
            new HostBinary(Path.of("/usr/lib/openssh/sftp-server"), "openssh-sftp-server"),
            new HostBinary(Path.of("/usr/bin/sshfs"), "sshfs"),
            new HostBinary(Path.of("/usr/bin/fusermount3"), "fuse3"),
            new HostBinary(Path.of("/usr/bin/inotifywait"), "inotify-tools"),
            new HostBinary(Path.of("/usr/bin/touch"), "coreutils"),
            new HostBinary(Path.of("/usr/bin/stat"), "coreutils"));

    static final HostBinary BUSYBOX = new HostBinary(Path.of("/bin/busybox"), "busybox-static");

    /** Loaded with dlopen when sshfs unmounts, so ldd does not list it. */
    static final List<String> DLOPENED_LIBRARIES = List.of("libgcc_s.so.1");

    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:\\S+\\s+=>\\s+)?(/\\S+)\\s+\\(0x");

    /** @throws IllegalStateException naming the Debian package when the binary is missing */
    HostBinary requirePresent() {
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalStateException("the qemu engine's guest needs " + path + ", which is missing on this "
                    + "host: "
                    + "install the Debian package " + debianPackage + " (apt-get install " + debianPackage + ")");
        }
        return this;
    }

    /** The shared libraries (and the dynamic loader) {@code ldd} lists for this binary. */
    List<Path> sharedLibraries() {
        String out = HostTool.run(null, List.of("ldd", path.toString()));
        List<Path> libraries = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.contains("not found")) {
                throw new IllegalStateException(path + " needs a library that is missing on this host: "
                        + line.strip());
            }
            Matcher m = LDD_LINE.matcher(line);
            if (m.find()) {
                libraries.add(Path.of(m.group(1)));
            }
        }
        return libraries;
    }

    /** The libraries of all {@code binaries} plus the dlopen'ed ones, found next to libc. */
    static Set<Path> librariesOf(List<HostBinary> binaries) {
        Set<Path> libraries = new LinkedHashSet<>();
        for (HostBinary binary : binaries) {
            libraries.addAll(binary.sharedLibraries());
        }
        Path libDir = libraries.stream().filter(p -> p.getFileName().toString().startsWith("libc.so"))
                .map(Path::getParent).findFirst().orElse(Path.of("/lib/x86_64-linux-gnu"));
        for (String name : DLOPENED_LIBRARIES) {
            Path library = libDir.resolve(name);
            if (!Files.isReadable(library)) {
                throw new IllegalStateException("sshfs in the guest needs " + library + ", missing on this host: "
                        + "install the Debian package libgcc-s1");
            }
            libraries.add(library);
        }
        return libraries;
    }
}
