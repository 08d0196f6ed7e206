package dev.limajunit.core.engine.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds (once) and finds (every time) the {@link GuestKit}: kernel from the host or Debian, an initramfs with
 * busybox, the host's sshd/sftp-server/sshfs/inotifywait and their libraries, the kernel modules in dependency
 * order and a host key generated once per kit. The kit's cache key hashes every input, so changing a host binary,
 * the kernel or the init script builds a new kit.
 */
public final class GuestKitBuilder {

    /** Raise when the kit's layout changes in a way the inputs' hash cannot see. */
    private static final int FORMAT = 2; // 2: the guest user is made by init, not in the kit
    private static final String RESOURCES = "/dev/limajunit/core/engine/qemu/";
    private static final Duration APT_RESOLUTION_TTL = Duration.ofHours(24);

    private static final Map<Path, GuestKit> MEMO_BY_DIRECTORY = new ConcurrentHashMap<>();

    private final KitCache cache;

    GuestKitBuilder(KitCache cache) {
        this.cache = cache;
    }

    /** The kit in the user's cache directory, built when missing. */
    public static GuestKit userKit() {
        return kitIn(KitCache.userDefault().root());
    }

    /** The kit in {@code cacheDirectory}, built there when missing (for {@link QemuEngine#withCacheDirectory}). */
    static GuestKit kitIn(Path cacheDirectory) {
        Path key = cacheDirectory.toAbsolutePath().normalize();
        GuestKit kit = MEMO_BY_DIRECTORY.get(key);
        if (kit == null || !kit.isComplete()) {
            synchronized (GuestKitBuilder.class) {
                kit = MEMO_BY_DIRECTORY.get(key);
                if (kit == null || !kit.isComplete()) {
                    kit = new GuestKitBuilder(new KitCache(key)).build();
                    MEMO_BY_DIRECTORY.put(key, kit);
                }
            }
        }
        return kit;
    }

    /** The cache directory kits are kept in. */
    public static Path userCacheDirectory() {
        return KitCache.userDefault().root();
    }

    GuestKit build() {
        KernelSource source = kernelSource();
        GuestKernel kernel = GuestKernel.read(source.id(), cache.entry("kernels", source.id(), source::materialize));
        List<HostBinary> programs = new ArrayList<>();
        for (HostBinary binary : HostBinary.GUEST_PROGRAMS) {
            programs.add(binary.requirePresent());
        }
        HostBinary.BUSYBOX.requirePresent();
        Set<Path> libraries = HostBinary.librariesOf(programs);
        String key = key(kernel, programs, libraries);
        Path dir = cache.entry("kits", key, d -> write(d, kernel, programs, libraries));
        return new GuestKit(kernel.image(), dir.resolve("initramfs.cpio"), dir.resolve("ssh_host_ed25519_key.pub"),
                dir);
    }

    private KernelSource kernelSource() {
        Optional<HostKernel> host = HostKernel.find(Path.of("/boot"), Path.of("/lib/modules"),
                System.getProperty("os.version"));
        if (host.isPresent()) {
            return host.get();
        }
        return resolvedDebianPackage();
    }

    /** apt-cache takes most of a second; its answer is remembered for a day. */
    private DebianKernelPackage resolvedDebianPackage() {
        Path remembered = cache.root().resolve("kernels").resolve("debian-resolved");
        try {
            if (Files.isReadable(remembered) && Files.getLastModifiedTime(remembered).toInstant()
                    .isAfter(Instant.now().minus(APT_RESOLUTION_TTL))) {
                String[] parts = Files.readString(remembered).strip().split(" ");
                if (parts.length == 2) {
                    return new DebianKernelPackage(parts[0], parts[1]);
                }
            }
            DebianKernelPackage resolved = DebianKernelPackage.resolve();
            Files.createDirectories(remembered.getParent());
            Path temp = Files.createTempFile(remembered.getParent(), ".resolved", "");
            Files.writeString(temp, resolved.packageName() + " " + resolved.version());
            Files.move(temp, remembered, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return resolved;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(GuestKernel kernel, List<HostBinary> programs, Set<Path> libraries) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("format " + FORMAT + "\nkernel " + kernel.id() + "\n").getBytes(StandardCharsets.UTF_8));
            for (String resource : List.of("init", "inittab", "sshd_config")) {
                sha.update(resource(resource));
            }
            List<Path> files = new ArrayList<>();
            files.add(HostBinary.BUSYBOX.path());
            programs.forEach(p -> files.add(p.path()));
            files.addAll(libraries);
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                sha.update((file + " " + Files.size(file) + " " + modified.toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path dir, GuestKernel kernel, List<HostBinary> programs, Set<Path> libraries)
            throws IOException {
        Path hostKey = dir.resolve("ssh_host_ed25519_key");
        HostTool.run(dir, List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "lima-junit-guest",
                "-f", hostKey.toString()));
        try (OutputStream out = Files.newOutputStream(dir.resolve("initramfs.cpio"));
             Initramfs cpio = new Initramfs(out)) {
            // Mirror merged-/usr: host paths like /lib/x86_64-linux-gnu/libc.so.6 then land where ld.so looks.
            for (String top : List.of("bin", "sbin", "lib", "lib64")) {
                Path link = Path.of("/" + top);
                if (Files.isSymbolicLink(link)) {
                    cpio.topLevelLink(top, Files.readSymbolicLink(link).toString().replaceAll("^/+", ""));
                }
            }
            for (String d : List.of("dev", "proc", "sys", "tmp", "run", "root", "mnt", "var/log", "var/empty",
                    "home")) {
                cpio.directory(d);
            }
            cpio.characterDevice("dev/console", 5, 1);
            cpio.file("init", 0755, resource("init"));
            cpio.file("etc/inittab", 0644, resource("inittab"));
            cpio.file("etc/ssh/sshd_config", 0644, resource("sshd_config"));
            cpio.hostFile("etc/ssh/ssh_host_ed25519_key", hostKey);
            cpio.hostFile("etc/ssh/ssh_host_ed25519_key.pub", dir.resolve("ssh_host_ed25519_key.pub"));
            cpio.text("etc/passwd", 0644, """
                    root:x:0:0:root:/root:/bin/sh
                    sshd:x:100:65534::/run/sshd:/bin/false
                    nobody:x:65534:65534:nobody:/nonexistent:/bin/false
                    """);
            cpio.text("etc/group", 0644, "root:x:0:\nnogroup:x:65534:\n");
            cpio.text("etc/shadow", 0600, "root:*:19000:0:99999:7:::\nsshd:*:19000:0:99999:7:::\n"
                    + "nobody:*:19000:0:99999:7:::\n");
            cpio.text("etc/nsswitch.conf", 0644, "passwd: files\ngroup: files\nshadow: files\nhosts: files\n");
            cpio.text("etc/hosts", 0644, "127.0.0.1 localhost lima-junit\n");
            cpio.text("etc/fuse.conf", 0644, "user_allow_other\n");
            for (HostBinary program : programs) {
                cpio.hostFile(program.path().toString(), program.path());
            }
            for (Path library : libraries) {
                cpio.hostFile(library.toString(), library.toRealPath());
            }
            cpio.hostFile(HostBinary.BUSYBOX.path().toString(), HostBinary.BUSYBOX.path());
            String applets = HostTool.run(null, List.of(HostBinary.BUSYBOX.path().toString(), "--list-full"));
            for (String applet : applets.split("\n")) {
                if (!applet.isBlank() && !cpio.contains(applet)) {
                    cpio.symlink(applet, HostBinary.BUSYBOX.path().toString());
                }
            }
            List<String> order = new ArrayList<>();
            for (Path module : kernel.modules()) {
                String name = module.getFileName().toString().replaceAll("\\.ko$", "");
                cpio.file("lib/modules/lima-junit/" + name + ".ko", 0644, Files.readAllBytes(module));
                order.add(name);
            }
            cpio.text("etc/lima-junit/modules", 0644, String.join("\n", order) + "\n");
        }
        Files.delete(hostKey); // the private half lives only inside the initramfs
    }

    private static byte[] resource(String name) {
        try (InputStream in = GuestKitBuilder.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
