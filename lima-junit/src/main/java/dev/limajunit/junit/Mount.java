package dev.limajunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** One entry of Lima's {@code mounts:} list, as used in {@link LimaInstance#mounts()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
@API(status = API.Status.STABLE, since = "0.1")
public @interface Mount {

    /**
     * The host directory ({@code ~} expands to the home directory). {@code ""}: a fresh temporary directory made
     * for this VM and deleted when the VM stops.
     */
    String location() default "";

    /** Where the guest sees it; {@code ""}: the same path as the location (Lima's default). */
    String mountPoint() default "";

    /** Whether the guest may write; Lima's default is read-only. */
    boolean writable() default false;

    /** Options for {@code mountType: reverse-sshfs}. */
    Sshfs sshfs() default @Sshfs;

    /** Options for {@code mountType: 9p} (Lima's {@code 9p:} block). */
    NineP ninep() default @NineP;

    /** Options for {@code mountType: virtiofs}. */
    Virtiofs virtiofs() default @Virtiofs;
}
