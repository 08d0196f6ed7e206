package dev.limajunit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** Picks the {@link dev.limajunit.core.mount.MountedDirectory} parameter by its guest mount point. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@API(status = API.Status.STABLE, since = "0.1")
public @interface MountPoint {

    /** The guest path as declared in {@link Mount#mountPoint()}, e.g. {@code "/mnt/src"}. */
    String value();
}
