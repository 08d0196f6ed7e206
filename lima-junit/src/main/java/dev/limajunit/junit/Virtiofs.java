package dev.limajunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Options of a virtiofs mount; unset attributes take Lima's builtin default. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Virtiofs {

    /** The vhost-user-fs-pci queue size; 0: QEMU's default. */
    int queueSize() default 0;
}
