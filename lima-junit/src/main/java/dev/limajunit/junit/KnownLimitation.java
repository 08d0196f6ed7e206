package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares that a test is known to fail on some mount types, for a documented reason (a Lima caveat, a kernel
 * limitation). Unlike skipping, the test still runs there:
 * <ul>
 *   <li>it fails, as declared: the test is <b>aborted</b> (reported as skipped) with the message
 *       {@code known limitation on 9p: REASON} and the failure as its cause, and a report entry
 *       {@code lima.knownLimitation} is published;</li>
 *   <li>it passes: the test <b>fails</b> with {@code known limitation no longer holds on 9p: REASON}, so a fix
 *       surfaces and the declaration can be removed.</li>
 * </ul>
 * On every other mount type the test runs normally. The mount type is the one of the VM the test runs against
 * (its class's {@link LimaInstance}, {@link ForEachMountType} invocation or {@link MountTypeSource} invocation).
 * An abort inside the test (a failed assumption) stays an abort.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(KnownLimitations.class)
@ExtendWith(KnownLimitationExtension.class)
public @interface KnownLimitation {

    /** The mount types on which the test is expected to fail. */
    MountType[] mountTypes();

    /** Why it fails there, in words (cite the caveat or issue). */
    String reason();
}
