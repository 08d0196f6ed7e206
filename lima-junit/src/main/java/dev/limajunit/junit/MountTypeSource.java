package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.junit.internal.MountTypeArgumentsProvider;
import dev.limajunit.junit.internal.MountTypeInvocationResolver;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Feeds a {@code @ParameterizedTest} one {@link MountType} per invocation; each invocation gets its own VM of that
 * mount type, booted when the invocation starts and stopped when it ends. The spec comes from a
 * {@link LimaInstance} on the method (else its defaults). The method's first parameter receives the mount type;
 * {@code Instance}, {@code GuestShell} and {@code MountedDirectory} parameters after it are that invocation's.
 *
 * <p>Types this host cannot run (or that {@code lima.mountTypes} leaves out) get no invocation; the reason is
 * logged and published as a report entry; one that {@code lima.require} names fails the method instead. Use it as
 * the method's only arguments source.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ArgumentsSource(MountTypeArgumentsProvider.class)
@ExtendWith(MountTypeInvocationResolver.class)
@API(status = API.Status.STABLE, since = "0.1")
public @interface MountTypeSource {

    /** The mount types to run; empty: every type this host supports. */
    MountType[] value() default {};
}
