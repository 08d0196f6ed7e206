package dev.limajunit.junit;

import dev.limajunit.junit.internal.BehaviourExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names the mount behaviour a test pins, so its result lands in the mount behaviour matrix
 * ({@code target/lima-junit/mount-matrix.{json,md,html}}): one row per behaviour id, one column per mount type (the
 * type of the VM the test ran against), each cell pass / fail / known limitation / unexpected pass / skipped, with
 * the latencies the test {@linkplain dev.limajunit.core.report.Measurements measured}. See {@code docs/report.md}.
 *
 * <pre>{@code
 * @Behaviour(id = "host-change-visible", title = "host change is visible in the guest")
 * @Test
 * void hostWriteShowsInGuest(MountedDirectory mount) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(BehaviourExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Behaviour {

    /**
     * The row's stable key: lower-case letters, digits, {@code .}, {@code _} and {@code -}, e.g.
     * {@code host-change-visible}. Tests (and CI jobs) with the same id share a row.
     */
    String id();

    /** The row's title for people; {@code ""}: the id. */
    String title() default "";
}
