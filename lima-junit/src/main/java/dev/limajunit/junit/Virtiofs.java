package dev.limajunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Options of a virtiofs mount; unset attributes take Lima's builtin default. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
@API(status = API.Status.STABLE, since = "0.1")
public @interface Virtiofs {

    /** The vhost-user-fs-pci queue size; 0: QEMU's default. */
    int queueSize() default 0;
}
