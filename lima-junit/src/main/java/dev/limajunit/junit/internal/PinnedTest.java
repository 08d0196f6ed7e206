package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.report.Measurement;
import dev.limajunit.junit.Behaviour;
import dev.limajunit.junit.KnownLimitation;
import java.util.List;
import org.apiguardian.api.API;

/**
 * What one {@link Behaviour} test execution pinned, known when the test method has run, before JUnit reports its
 * outcome: the behaviour, the mount type and the latencies measured.
 *
 * @param knownLimitation the reason of the {@link KnownLimitation} declared for this mount type, or null
 * @param engine          the engine that booted the VM, or null when the test ran against none
 * @param provenance      the VM's {@link dev.limajunit.core.engine.Instance#provenance()}, or null without one
 * @param guestKernel     {@code uname -r} in the guest, or null when unknown
 * @param virtiofsd       the virtiofsd the engine ran for the VM's mounts (path and version), or null when none
 */
@API(status = API.Status.INTERNAL)
public record PinnedTest(
        String uniqueId,
        dev.limajunit.core.report.Behaviour behaviour,
        MountType mountType,
        List<Measurement> measurements,
        String knownLimitation,
        String engine,
        String guestKernel,
        String provenance,
        String virtiofsd) {
}
