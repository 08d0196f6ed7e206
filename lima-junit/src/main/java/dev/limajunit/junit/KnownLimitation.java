package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.junit.internal.KnownLimitationExtension;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares that a test is known to fail on some mount types, for a documented reason (a Lima caveat, a kernel
 * limitation). Unlike skipping, the test still runs there:
 * <ul>
 *   <li>it fails <b>as declared</b> (see {@link #failsWith()}): the test is <b>aborted</b> (reported as skipped)
 *       with the message {@code known limitation on 9p: REASON} and the failure as its cause, a report entry
 *       {@code lima.knownLimitation} is published, and the VM's diagnostics are attached (the evidence);</li>
 *   <li>it fails any other way (a guest command that failed, a VM that exited, a bug in the test): the test
 *       <b>fails</b> with that error and gets the VM's diagnostics, as any failure does;</li>
 *   <li>it passes: the test <b>fails</b> with {@code known limitation no longer holds on 9p: REASON}, so a fix
 *       surfaces and the declaration can be removed.</li>
 * </ul>
 * On every other mount type the test runs normally. The mount type is the one the test runs on (its class's
 * {@link LimaInstance}, or its {@link ForEachMountType} or {@link MountTypeSource} invocation's), whether or not the
 * test asked for the VM. An abort inside the test (a failed assumption) stays an abort.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(KnownLimitations.class)
@ExtendWith(KnownLimitationExtension.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface KnownLimitation {

    /** The mount types on which the test is expected to fail. */
    MountType[] mountTypes();

    /** Why it fails there, in words (cite the caveat or issue). */
    String reason();

    /**
     * The failures that are the limitation (a thrown instance of one of these types or a subtype). Empty, the
     * default: an assertion failure, which is an {@link AssertionError} (AssertJ, JUnit and lima-assertions raise
     * one) or an Awaitility {@code ConditionTimeoutException} whose cause is none or an assertion failure (a
     * condition that stayed false until the deadline is an assertion in all but name). An assertion failure caused
     * by a broken guest ({@link dev.limajunit.core.shell.GuestShellException}) is never the limitation.
     */
    Class<? extends Throwable>[] failsWith() default {};

    /** A fragment the failure's message must contain to be the limitation; empty: any message. */
    String messageContains() default "";
}
