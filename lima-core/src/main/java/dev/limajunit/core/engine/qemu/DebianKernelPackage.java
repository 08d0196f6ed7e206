package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Debian's generic kernel ({@code linux-image-amd64}, which has 9p, FUSE and virtiofs as modules; the
 * {@code cloud} flavour has no 9p), fetched with {@code apt-get download} (no root needed) and unpacked into the
 * cache: the image plus only the modules the guest loads.
 *
 * <p>The package's data is an xz-compressed tar, and Commons Compress needs org.tukaani:xz for xz, which is not one
 * of this project's dependencies; {@code dpkg-deb --fsys-tarfile} (present wherever apt-get is) hands us the plain
 * tar instead, which Commons Compress reads as a stream.
 */
final class DebianKernelPackage implements KernelSource {

    static final String METAPACKAGE = "linux-image-amd64";
    private static final Pattern DEPENDS = Pattern.compile(
            "(?m)^Depends:.*?(linux-image-[0-9][^\\s,(]*)\\s*\\(=\\s*([^)\\s]+)\\)");

    private final String packageName;
    private final String version;

    DebianKernelPackage(String packageName, String version) {
        this.packageName = packageName;
        this.version = version;
    }

    /** Resolves the metapackage to the concrete kernel package apt would install now. */
    static DebianKernelPackage resolve() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-cache"))) {
            throw new IllegalStateException("no usable kernel: the host kernel under /boot is not readable or lacks "
                    + "9p/virtiofs/fuse modules, and this host has no apt-cache to fetch Debian's " + METAPACKAGE);
        }
        String show = HostTool.run(null, List.of("apt-cache", "show", "--no-all-versions", METAPACKAGE));
        Matcher m = DEPENDS.matcher(show);
        if (!m.find()) {
            throw new IllegalStateException("apt-cache show " + METAPACKAGE + " names no concrete linux-image package "
                    + "(run apt-get update?):\n" + show);
        }
        return new DebianKernelPackage(m.group(1), m.group(2));
    }

    String packageName() {
        return packageName;
    }

    String version() {
        return version;
    }

    @Override
    public String id() {
        return packageName + "_" + version.replace(':', '+');
    }

    @Override
    public void materialize(Path dir) throws IOException {
        Path download = Files.createTempDirectory(dir, "apt-");
        materialize(download(download), dir);
        KitCache.deleteTree(download);
    }

    /** Fetches the package's .deb into {@code directory} with {@code apt-get download}. */
    Path download(Path directory) throws IOException {
        HostTool.run(directory, List.of("apt-get", "download", "-q", packageName + "=" + version));
        try (var files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                    .orElseThrow(() -> new IOException("apt-get download " + packageName + " left no .deb"));
        }
    }

    /** Writes the kernel entry from a downloaded .deb: the image and only the modules the guest loads. */
    static void materialize(Path deb, Path dir) throws IOException {
        // First pass: the image, and every module's depends= to compute which modules are needed.
        Map<String, ModuleInfo> infos = new HashMap<>();
        Map<String, String> entryOf = new HashMap<>();
        Set<String> builtin = new HashSet<>();
        byte[][] image = new byte[1][];
        readTar(deb, (name, tar) -> {
            if (name.matches("(usr/)?lib/modules/[^/]+/kernel/.*\\.ko")) {
                String file = name.substring(name.lastIndexOf('/') + 1);
                ModuleInfo info = ModuleInfo.parse(tar.readAllBytes(), ModuleInfo.nameOfFile(file));
                infos.put(info.name(), info);
                entryOf.put(info.name(), name);
            } else if (name.matches("(usr/)?lib/modules/[^/]+/modules\\.builtin")) {
                for (String line : new String(tar.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        builtin.add(ModuleInfo.nameOfFile(line.substring(line.lastIndexOf('/') + 1)));
                    }
                }
            } else if (name.matches("boot/vmlinuz-.*")) {
                image[0] = tar.readAllBytes();
            }
        });
        if (image[0] == null) {
            throw new IOException(deb.getFileName() + " holds no boot/vmlinuz-*");
        }
        List<String> order = ModuleLoadOrder.resolve(GuestKernel.WANTED_MODULES, infos, builtin);
        // Second pass: only the needed modules' bytes.
        Map<String, String> wantedEntries = new HashMap<>();
        order.forEach(module -> wantedEntries.put(entryOf.get(module), module));
        Map<String, byte[]> modules = new HashMap<>();
        readTar(deb, (name, tar) -> {
            String module = wantedEntries.get(name);
            if (module != null) {
                modules.put(module, tar.readAllBytes());
            }
        });
        KernelSource.write(dir, image[0], modules, order);
    }

    @FunctionalInterface
    private interface EntryReader {
        void read(String name, TarArchiveInputStream tar) throws IOException;
    }

    private static void readTar(Path deb, EntryReader reader) {
        HostTool.stream(List.of("dpkg-deb", "--fsys-tarfile", deb.toString()), stdout -> {
            TarArchiveInputStream tar = new TarArchiveInputStream(stdout);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                    reader.read(name, tar);
                }
            }
        });
    }

    @Override
    public String toString() {
        return "Debian package " + packageName + " " + version;
    }
}
