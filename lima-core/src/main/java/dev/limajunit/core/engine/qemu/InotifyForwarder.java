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
 * Emulates Lima's {@code mountInotify} (host agent {@code pkg/hostagent/inotify.go}, guest agent
 * {@code HandleInotify}, Lima v2.2.0) rule for rule:
 * <ul>
 *   <li>only writable mounts are watched, each location recursively;</li>
 *   <li>the events are Lima's on Linux, create (IN_CREATE, IN_MOVED_TO), write (IN_MODIFY) and attribute change
 *       (IN_ATTRIB): Java's ENTRY_CREATE and ENTRY_MODIFY are exactly these. Lima watches no removes and no
 *       moves away, so a host delete sends nothing, and a rename sends a create for the new name only;</li>
 *   <li>the changed path is stat-ed following symlinks; a path already gone (or a dangling link) sends nothing;</li>
 *   <li>an event that repeats the last forwarded mtime within 10 ms is dropped ({@link RepeatedEventFilter}), which
 *       also stops the loop the guest's own time change would start;</li>
 *   <li>the guest sets access and modification time of the same path under the mount point to the host file's
 *       mtime, when that path exists there, and does nothing otherwise.</li>
 * </ul>
 * The guest thus sees ATTRIB only. Here the host side is Java's WatchService (inotify on Linux) and the guest side
 * GNU {@code touch -c -d @SECONDS.NANOS} through the guest shell. Where this differs from Lima's Go watch: a new
 * directory is watched once its create event is handled, so a file made in it before that raises nothing (Lima's
 * watch has the same race); repeated identical events that Java coalesces are one event here (the filter would drop
 * the repeats anyway); Lima resolves a symlinked location to map paths back, which a WatchService never needs.
 */
public final class InotifyForwarder implements AutoCloseable {

    /** How the matrix names what produced a behaviour seen through this forwarder. */
    public static final String PROVENANCE = "emulated host agent";

    private static final Duration RECENT = Duration.ofSeconds(10);
    /**
     * GNU touch by its path: busybox's shell runs its own touch applet for a bare "touch", and that one accepts no
     * fraction of a second, which the forwarded mtime needs (the same mtime coming back is what stops a loop).
     */
    private static final String GUEST_TOUCH = "/usr/bin/touch";

    private final GuestShell shell;
    private final WatchService watcher;
    private final Map<WatchKey, Watched> keys = new ConcurrentHashMap<>();
    private final RepeatedEventFilter repeats = new RepeatedEventFilter();
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
                // Lima's Create|Write|InAttrib; ENTRY_DELETE (IN_DELETE, IN_MOVED_FROM) is not among them.
                WatchKey key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
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
            FileTime mtime;
            try {
                mtime = Files.getLastModifiedTime(file);
            } catch (IOException gone) {
                return; // as Lima's host agent: a path it cannot stat (removed again, a dangling link) sends nothing
            }
            if (repeats.isRepeat(file, mtime)) {
                return;
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
            // a new directory vanished before it was watched, or the guest is going away
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
