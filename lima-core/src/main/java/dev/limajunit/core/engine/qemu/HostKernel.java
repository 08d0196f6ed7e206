package dev.limajunit.core.engine.qemu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The host's running kernel, when its image under /boot is readable and its modules (or built-ins) include 9p,
 * virtiofs and FUSE: no download needed.
 */
final class HostKernel implements KernelSource {

    private final Path image;
    private final Path modulesDir;
    private final Map<String, Path> moduleFiles;
    private final Set<String> builtin;
    private final List<String> loadOrder;
    private final Map<String, ModuleInfo> parsed = new HashMap<>();

    private HostKernel(Path image, Path modulesDir, Map<String, Path> moduleFiles, Set<String> builtin) {
        this.image = image;
        this.modulesDir = modulesDir;
        this.moduleFiles = moduleFiles;
        this.builtin = builtin;
        this.loadOrder = ModuleLoadOrder.resolve(GuestKernel.WANTED_MODULES, this::info, builtin);
    }

    /** The running kernel, or empty (with no error) when it cannot serve as the guest kernel. */
    static Optional<HostKernel> find(Path boot, Path libModules, String release) {
        Path image = boot.resolve("vmlinuz-" + release);
        Path modulesDir = libModules.resolve(release);
        if (!Files.isReadable(image) || !Files.isDirectory(modulesDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(modulesDir)) {
            Map<String, Path> moduleFiles = new HashMap<>();
            files.filter(p -> p.getFileName().toString().matches(".*\\.ko(\\.(xz|zst|gz))?"))
                    .forEach(p -> moduleFiles.putIfAbsent(ModuleInfo.nameOfFile(p.getFileName().toString()), p));
            Set<String> builtin = new HashSet<>();
            Path builtinList = modulesDir.resolve("modules.builtin");
            if (Files.isReadable(builtinList)) {
                for (String line : Files.readAllLines(builtinList)) {
                    builtin.add(ModuleInfo.nameOfFile(line.substring(line.lastIndexOf('/') + 1)));
                }
            }
            return Optional.of(new HostKernel(image, modulesDir, moduleFiles, builtin));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or missing a module: fall back to Debian's kernel
        }
    }

    @Override
    public String id() {
        try {
            return "host-" + modulesDir.getFileName() + "-" + Long.toHexString(Files.getLastModifiedTime(image)
                    .toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void materialize(Path dir) throws IOException {
        Map<String, byte[]> modules = new HashMap<>();
        for (String name : loadOrder) {
            modules.put(name, uncompressed(moduleFiles.get(name)));
        }
        KernelSource.write(dir, Files.readAllBytes(image), modules, loadOrder);
    }

    private ModuleInfo info(String name) {
        return parsed.computeIfAbsent(name, n -> {
            Path file = moduleFiles.get(n);
            if (file == null) {
                return null;
            }
            try {
                return ModuleInfo.parse(uncompressed(file), n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Busybox's insmod loads only plain ELF modules: undo the compression distributions apply. */
    private static byte[] uncompressed(Path file) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        if (name.endsWith(".xz")) {
            return HostTool.run(null, List.of("xz", "-dc"), bytes);
        }
        if (name.endsWith(".zst")) {
            return HostTool.run(null, List.of("zstd", "-dc"), bytes);
        }
        if (name.endsWith(".gz")) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return in.readAllBytes();
            }
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "host kernel " + image;
    }
}
