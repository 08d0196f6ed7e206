package dev.limajunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Lima's {@code sshfs:} block of a mount; every attribute left unset takes Lima's builtin default. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
@API(status = API.Status.STABLE, since = "0.1")
public @interface Sshfs {

    /** sshfs caching; Lima's builtin default: on. */
    Toggle cache() default Toggle.UNSET;

    /** sshfs {@code follow_symlinks}; Lima's builtin default: off. */
    Toggle followSymlinks() default Toggle.UNSET;

    /**
     * {@code "builtin"} or {@code "openssh-sftp-server"}; {@code ""}: openssh-sftp-server when the host has one,
     * else builtin.
     */
    String sftpDriver() default "";
}
