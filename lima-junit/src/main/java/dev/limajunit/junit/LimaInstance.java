package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.junit.internal.FailureDiagnostics;
import dev.limajunit.junit.internal.LimaExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Boots a VM with the declared host mounts before the test class runs and hands its tests the guest
 * ({@link dev.limajunit.core.engine.Instance}, {@link dev.limajunit.core.shell.GuestShell},
 * {@link dev.limajunit.core.mount.MountedDirectory}) as parameters, and each test its own
 * {@link dev.limajunit.core.watch.GuestFileWatcher} on a mount, with {@link dev.limajunit.core.watch.HostActions} and
 * {@link dev.limajunit.core.watch.EventLog} on the same timeline (see {@link Watch}).
 *
 * <p>Classes whose annotations describe the same instance share one VM for the whole test run (unless
 * {@link #shared()} is false); it is stopped when the run ends. The spec is validated before anything boots: a
 * bad attribute fails the class with a message that names it. Attributes left at their defaults mean
 * "Lima's builtin default", exactly as an unset field in a {@code lima.yaml}.
 *
 * <p>Usable as a meta-annotation: declare a composed annotation once ({@code @NinePWritable}) and put it on
 * many classes. On a {@code @ParameterizedTest} method with {@link MountTypeSource} it is the spec each
 * invocation's VM is built from.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE, ElementType.METHOD})
@ExtendWith({LimaExtension.class, FailureDiagnostics.class})
@API(status = API.Status.STABLE, since = "0.1")
public @interface LimaInstance {

    /** Which engine boots the VM; {@code AUTO} honours {@code lima.engine}, else limactl when installed, else qemu. */
    EngineChoice engine() default EngineChoice.AUTO;

    /**
     * Lima's {@code vmType}, e.g. {@code vmType = QEMU}; empty: Lima's default for this host. An array only so that it
     * can be left unset: name at most one.
     */
    VmType[] vmType() default {};

    /**
     * Lima's {@code mountType}, e.g. {@code mountType = NINEP}; empty: Lima's default for the Lima version and vmType.
     * An array only so that it can be left unset: name at most one (to run a class on several, use
     * {@link ForEachMountType}).
     */
    MountType[] mountType() default {};

    /** The host directories to mount; by default one fresh, read-only temporary directory. */
    Mount[] mounts() default {@Mount};

    /** Lima's {@code mountInotify}: forward host file events to the guest (writable mounts only). */
    boolean mountInotify() default false;

    /** Virtual CPUs; 0: the engine's default. */
    int cpus() default 0;

    /** Guest memory such as {@code "1GiB"}; {@code ""}: the engine's default. */
    String memory() default "";

    /** Disk size such as {@code "10GiB"}; {@code ""}: the engine's default. */
    String disk() default "";

    /** A Lima template the limactl engine starts from ({@code "debian-12"}); {@code ""}: Lima's default. */
    String template() default "";

    /**
     * How long the boot may take until the first guest command, as {@code "90s"}, {@code "5m"} or ISO-8601
     * ({@code "PT90S"}); {@code ""}: 3 minutes. Scaled by {@code lima.startTimeoutFactor}.
     */
    String startTimeout() default "";

    /** Whether other classes with the same spec share this VM (true), or this class gets its own (false). */
    boolean shared() default true;
}
