package dev.limajunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Lima's {@code 9p:} block of a mount; every attribute left {@code ""} takes Lima's builtin default. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
@API(status = API.Status.STABLE, since = "0.1")
public @interface NineP {

    /**
     * {@code "passthrough"}, {@code "mapped-xattr"}, {@code "mapped-file"} or {@code "none"}; default {@code "none"}.
     */
    String securityModel() default "";

    /** {@code "9p2000"}, {@code "9p2000.u"} or {@code "9p2000.L"}; default {@code "9p2000.L"}. */
    String protocolVersion() default "";

    /** Packet payload size such as {@code "128KiB"}, at least 4KiB; default {@code "128KiB"}. */
    String msize() default "";

    /**
     * {@code "none"}, {@code "loose"}, {@code "fscache"} or {@code "mmap"}; default fscache read-only, mmap writable.
     */
    String cache() default "";
}
