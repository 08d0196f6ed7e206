package dev.limajunit.junit;

import dev.limajunit.core.watch.InotifyEvent;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * How the {@link dev.limajunit.core.watch.GuestFileWatcher} parameter it sits on watches. Without it the watcher
 * watches the whole mount, recursively, for every event. A test has one watcher per mount: a parameter without
 * {@code @Watch} gets the one an earlier parameter (e.g. of {@code @BeforeEach}) started; a parameter with
 * {@code @Watch} must ask for the same watch as that one, so declare it once, where the watcher starts.
 *
 * <p>Event paths stay relative to the mount root also when {@link #path()} names a subdirectory, so they match
 * {@link dev.limajunit.core.watch.HostActions} and {@link dev.limajunit.core.mount.MountedDirectory} paths.
 * On 9p a watch on a subdirectory of the mount gets no events at all (each lookup hands out a new inode): there,
 * watch the mount root.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Watch {

    /** The directory to watch, relative to the mount root; {@code ""}: the mount root. It must exist in the guest. */
    String path() default "";

    /** inotifywait {@code -r}: also every directory below, including ones created later. */
    boolean recursive() default true;

    /** The events to ask for ({@code -e}); empty: every event. */
    InotifyEvent[] events() default {};

    /**
     * How long to wait for inotifywait's "Watches established.", as {@code "30s"}, {@code "2m"} or ISO-8601;
     * {@code ""}: 30 seconds. A recursive watch walks the tree first, slow on a big mount under TCG.
     */
    String readyTimeout() default "";
}
