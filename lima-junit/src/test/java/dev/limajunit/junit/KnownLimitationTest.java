package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.standard.StandardEngines;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.junit.internal.LimaKeys;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@link KnownLimitation} takes only the declared failure for the limitation; any other failure stays a failure.
 * The fixtures run on the 9p type without asking for a VM, so nothing boots; they need an engine that could run
 * here (else no invocation at all, and these tests are skipped with that reason).
 */
class KnownLimitationTest {

    static final String REASON = "fixture: 9p drops the event";

    static class Limited {
        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON)
        void assertionFails(MountType type) {
            assertThat(type).as("the declared failure").isNotEqualTo(MountType.NINEP);
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON)
        void awaitTimesOut(MountType type) {
            Awaitility.await("an event that never comes").pollDelay(Duration.ZERO).atMost(Duration.ofMillis(200))
                    .until(() -> false);
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON)
        void bugInTheTest(MountType type) {
            throw new IllegalStateException("the test itself is broken");
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON)
        void assertionOnABrokenGuest(MountType type) {
            throw new AssertionError("no event", new GuestShellException("VM exited (signal 9)"));
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON, failsWith = UnsupportedOperationException.class)
        void failsWithTheNamedType(MountType type) {
            throw new UnsupportedOperationException("9p cannot do that");
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON, failsWith = UnsupportedOperationException.class)
        void assertionWhereATypeIsNamed(MountType type) {
            throw new AssertionError("an assertion, but not what was named");
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON, messageContains = "no ATTRIB event")
        void messageAsDeclared(MountType type) {
            throw new AssertionError("no ATTRIB event within 2000 ms");
        }

        @ParameterizedTest
        @MountTypeSource(MountType.NINEP)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON, messageContains = "no ATTRIB event")
        void otherMessage(MountType type) {
            throw new AssertionError("no MODIFY event within 2000 ms");
        }
    }

    /** The first test takes no VM parameter, so no VM is leased when it runs: its invocation's type still decides. */
    @ForEachMountType(MountType.NINEP)
    @LimaInstance(engine = EngineChoice.QEMU, mounts = @Mount)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BeforeAnyLease {
        @Test
        @Order(1)
        @KnownLimitation(mountTypes = MountType.NINEP, reason = REASON)
        void hostSideOnly() {
            throw new AssertionError("the host saw nothing");
        }
    }

    @BeforeEach
    void anEngineCouldRunHere() {
        var qemu = StandardEngines.selector().select(EngineChoice.QEMU, "");
        Assumptions.assumeTrue(qemu.available(), () -> "no invocation can run here: " + qemu.reason());
    }

    @Test
    void onlyTheDeclaredFailureIsTheLimitation() {
        EngineExecutionResults results = TestKit.run(Map.of(), Limited.class);

        String held = "known limitation on 9p: " + REASON;
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("assertionFails"), abortedWithReason(message(held),
                        cause(message(m -> m.contains("the declared failure"))))))
                .haveExactly(1, event(test("awaitTimesOut"), abortedWithReason(message(held),
                        cause(instanceOf(ConditionTimeoutException.class)))))
                .haveExactly(1, event(test("bugInTheTest"), finishedWithFailure(
                        instanceOf(IllegalStateException.class), message("the test itself is broken"))))
                .haveExactly(1, event(test("assertionOnABrokenGuest"), finishedWithFailure(
                        instanceOf(AssertionError.class), message("no event"))))
                .haveExactly(1, event(test("failsWithTheNamedType"), abortedWithReason(message(held))))
                .haveExactly(1, event(test("assertionWhereATypeIsNamed"), finishedWithFailure(
                        message("an assertion, but not what was named"))))
                .haveExactly(1, event(test("messageAsDeclared"), abortedWithReason(message(held))))
                .haveExactly(1, event(test("otherMessage"), finishedWithFailure(
                        message("no MODIFY event within 2000 ms"))));
        assertThat(TestKit.reportEntries(results, LimaKeys.KNOWN_LIMITATION)).hasSize(4);
        assertThat(TestKit.reportEntries(results, LimaKeys.KNOWN_LIMITATION_UNDECLARED)).hasSize(4)
                .anySatisfy(e -> assertThat(e).contains("not the failure the @KnownLimitation on 9p declares"
                        + " (" + UnsupportedOperationException.class.getName() + ")")
                        .contains("an assertion, but not what"))
                .anySatisfy(e -> assertThat(e).contains("(an assertion failure whose message contains"
                        + " \"no ATTRIB event\")"));
    }

    @Test
    void aForEachMountTypeInvocationDecidesBeforeAnyVmIsLeased() {
        EngineExecutionResults results = TestKit.run(Map.of(), BeforeAnyLease.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("hostSideOnly"),
                abortedWithReason(message("known limitation on 9p: " + REASON))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).as("nothing asked for the VM").isEmpty();
    }
}
