package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Emulates Lima's {@code mountInotify}: the host agent watches each writable mount recursively for creates, writes
 * and attribute changes (not removes or renames), drops an event whose file mtime is within 10 ms of the previous
 * one for that file, and the guest agent sets the file's times on the guest path. The guest thus sees only ATTRIB.
 * Here the host side is Java's WatchService (inotify on Linux; MODIFY includes attribute changes) and the guest
 * side is GNU {@code touch -c -d @SECONDS.NANOS} through the guest shell.
 */
public final class InotifyForwarder implements AutoCloseable {

    private static final Duration DUPLICATE_WINDOW = Duration.ofMillis(10);
    private static final Duration RECENT = Duration.ofSeconds(10);
    /**
     * GNU touch by its path: busybox's shell runs its own touch applet for a bare "touch", and that one accepts no
     * fraction of a second, which the forwarded mtime needs (the same mtime coming back is what stops a loop).
     */
    private static final String GUEST_TOUCH = "/usr/bin/touch";

    private final GuestShell shell;
    private final WatchService watcher;
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final Map<Path, FileTime> lastMtime = new ConcurrentHashMap<>();
    private final List<ForwardedChange> forwarded = new CopyOnWriteArrayList<>();
    private final List<Consumer<ForwardedChange>> listeners = new CopyOnWriteArrayList<>();
    private final Thread loop;

    private record Watched(MountedDirectory mount, Path directory) {}

    private InotifyForwarder(GuestShell shell, List<MountedDirectory> writableMounts) throws IOException {
        this.shell = shell;
        this.watcher = FileSystems.getDefault().newWatchService();
        for (MountedDirectory mount : writableMounts) {
            registerTree(mount, mount.hostPath());
        }
        this.loop = new Thread(this::run, "lima-junit mountInotify forwarder");
        loop.setDaemon(true);
        loop.start();
    }

    /** Starts forwarding for the writable ones among {@code mounts} (Lima watches only those). */
    static InotifyForwarder start(GuestShell shell, List<MountedDirectory> mounts) throws IOException {
        return new InotifyForwarder(shell, mounts.stream().filter(MountedDirectory::writable).toList());
    }

    /** Every change forwarded so far, in order. */
    public List<ForwardedChange> forwarded() {
        return List.copyOf(forwarded);
    }

    /** Hears each change as soon as the guest touch returned. */
    public void addListener(Consumer<ForwardedChange> listener) {
        listeners.add(listener);
    }

    private void registerTree(MountedDirectory mount, Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                keys.put(key, new Watched(mount, dir));
            }
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Instant arrived = Instant.now();
                Watched watched = keys.get(key);
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (watched != null && event.context() instanceof Path name) {
                        handle(watched, watched.directory().resolve(name), event.kind(), arrived);
                    }
                }
                if (!key.reset()) {
                    keys.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    private void handle(Watched watched, Path file, WatchEvent.Kind<?> kind, Instant arrived) {
        try {
            if (kind == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                registerTree(watched.mount(), file);
            }
            FileTime mtime = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
            FileTime previous = lastMtime.put(file, mtime);
            if (previous != null && Duration.between(previous.toInstant(), mtime.toInstant()).abs()
                    .compareTo(DUPLICATE_WINDOW) < 0) {
                return; // as Lima's host agent: the same change seen twice
            }
            Path relative = watched.mount().hostPath().relativize(file);
            GuestPath guest = watched.mount().guestPath().resolve(relative.toString());
            Instant instant = mtime.toInstant();
            String stamp = "@" + instant.getEpochSecond() + "." + String.format("%09d", instant.getNano());
            boolean ok = shell.exec(Command.of(GUEST_TOUCH, "-c", "-d", stamp, guest.value())).succeeded();
            Instant done = Instant.now();
            Instant changed = instant.isAfter(arrived.minus(RECENT)) && !instant.isAfter(done) ? instant : arrived;
            ForwardedChange change = new ForwardedChange(file, guest, instant, Duration.between(changed, done), ok);
            forwarded.add(change);
            listeners.forEach(l -> l.accept(change));
        } catch (IOException | RuntimeException e) {
            // the file is gone again (a remove is not forwarded) or the guest is going away
        }
    }

    @Override
    public void close() {
        loop.interrupt();
        try {
            watcher.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
