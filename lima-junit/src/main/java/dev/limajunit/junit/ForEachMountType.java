package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.junit.internal.FailureDiagnostics;
import dev.limajunit.junit.internal.ForEachMountTypeExtension;
import dev.limajunit.junit.internal.LimaExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the whole test class once per mount type, each run against a VM whose {@link LimaInstance} spec has that
 * {@code mountType} (without {@link LimaInstance}: the default spec, one fresh read-only mount). Invocations are
 * named {@code [9p]}, {@code [virtiofs]}, ...
 *
 * <p>A type this host cannot run (or that {@code lima.mountTypes} leaves out) gets no invocation; the reason is
 * logged and published as a report entry {@code lima.mountType.skipped} on the class. When no type is left, the
 * class is aborted with every reason. A type that cannot run here and that {@code lima.require} names fails the
 * class instead. Built on JUnit's {@code @ClassTemplate} (Jupiter 5.13 and later).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ClassTemplate
// LimaExtension too, so that a class without @LimaInstance runs on the default spec; JUnit registers each once.
@ExtendWith({ForEachMountTypeExtension.class, LimaExtension.class, FailureDiagnostics.class})
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface ForEachMountType {

    /** The mount types to run; empty: every type this host supports (reverse-sshfs, 9p, virtiofs, wsl2). */
    MountType[] value() default {};
}
