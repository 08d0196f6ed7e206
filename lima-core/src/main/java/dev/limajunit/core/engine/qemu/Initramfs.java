package dev.limajunit.core.engine.qemu;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Writes an uncompressed initramfs (cpio "newc"): the kernel unpacks it faster than a compressed one under TCG.
 * Parent directories are created on first use, since the kernel's unpacker does not create them. Top-level links
 * ({@code bin -> usr/bin} on merged-/usr hosts) are applied to every path, so host paths can be used as they are.
 */
final class Initramfs implements AutoCloseable {

    private final CpioArchiveOutputStream cpio;
    private final Set<String> directories = new HashSet<>();
    private final Set<String> entries = new HashSet<>();
    private final Map<String, String> topLevelLinks = new LinkedHashMap<>();

    Initramfs(OutputStream out) {
        this.cpio = new CpioArchiveOutputStream(new BufferedOutputStream(out, 1 << 20), CpioConstants.FORMAT_NEW);
    }

    /** Declares a top-level symbolic link ({@code bin} -> {@code usr/bin}) and makes paths below it follow it. */
    void topLevelLink(String name, String target) throws IOException {
        directory(target);
        topLevelLinks.put(name, target);
        write(name, CpioConstants.C_ISLNK | 0777, target.getBytes(StandardCharsets.UTF_8));
    }

    void directory(String path) throws IOException {
        String name = canonical(path);
        if (name.isEmpty() || directories.contains(name)) {
            return;
        }
        parents(name);
        directories.add(name);
        write(name, CpioConstants.C_ISDIR | 0755, new byte[0]);
    }

    void file(String path, int permissions, byte[] content) throws IOException {
        String name = canonical(path);
        parents(name);
        write(name, CpioConstants.C_ISREG | permissions, content);
    }

    void text(String path, int permissions, String content) throws IOException {
        file(path, permissions, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Copies a host file, keeping its permission bits. */
    void hostFile(String path, Path hostFile) throws IOException {
        int mode = (Integer) Files.getAttribute(hostFile, "unix:mode") & 07777;
        file(path, mode, Files.readAllBytes(hostFile));
    }

    void symlink(String path, String target) throws IOException {
        String name = canonical(path);
        parents(name);
        write(name, CpioConstants.C_ISLNK | 0777, target.getBytes(StandardCharsets.UTF_8));
    }

    void characterDevice(String path, int major, int minor) throws IOException {
        String name = canonical(path);
        parents(name);
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        entry.setMode(CpioConstants.C_ISCHR | 0600);
        entry.setRemoteDeviceMaj(major);
        entry.setRemoteDeviceMin(minor);
        entry.setNumberOfLinks(1);
        entry.setSize(0);
        cpio.putArchiveEntry(entry);
        cpio.closeArchiveEntry();
        entries.add(name);
    }

    /** Whether a path was written already. */
    boolean contains(String path) {
        String name = canonical(path);
        return entries.contains(name) || directories.contains(name);
    }

    private void write(String name, long mode, byte[] content) throws IOException {
        if (!entries.add(name)) {
            return; // first writer wins: e.g. a host binary over a busybox applet link
        }
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name);
        entry.setMode(mode);
        entry.setNumberOfLinks((mode & CpioConstants.S_IFMT) == CpioConstants.C_ISDIR ? 2 : 1);
        entry.setSize(content.length);
        entry.setTime(0);
        cpio.putArchiveEntry(entry);
        cpio.write(content);
        cpio.closeArchiveEntry();
    }

    private void parents(String name) throws IOException {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            directory(name.substring(0, slash));
        }
    }

    /** Relative, without leading slash, with a top-level link's name replaced by its target. */
    private String canonical(String path) {
        String name = path.replaceAll("^/+", "").replaceAll("/+$", "");
        int slash = name.indexOf('/');
        String first = slash < 0 ? name : name.substring(0, slash);
        String target = topLevelLinks.get(first);
        if (target != null && slash >= 0) {
            return target + name.substring(slash);
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        cpio.finish();
        cpio.close();
    }
}
