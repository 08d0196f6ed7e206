package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.process.ProcessRegistry;
import dev.limajunit.junit.internal.LimaKeys;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Bad annotations, table-driven: each fixture class breaks one rule; it fails as a class with a
 * {@link LimaConfigurationException} naming the attribute, the value and the rule, none of its tests starts, nothing
 * is booted, and the process registry (which every engine process goes through) counts no start.
 */
class BadAnnotationTableTest {

    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final ProcessRegistry.Listener COUNTER = process -> STARTED.incrementAndGet();

    @LimaInstance(vmType = {VmType.QEMU, VmType.VZ})
    static class TwoVmTypes {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(ninep = @NineP(cache = "writeback")))
    static class UnknownNinePCache {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(mountPoint = "/etc"))
    static class SystemMountPoint {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, memory = "plenty")
    static class MemoryNotASize {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, startTimeout = "soon")
    static class StartTimeoutNotADuration {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.REVERSE_SSHFS, mounts = @Mount(sshfs = @Sshfs(sftpDriver = "ftp")))
    static class UnknownSftpDriver {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.VIRTIOFS, mounts = @Mount(virtiofs = @Virtiofs(queueSize = 1000)))
    static class QueueSizeNotAPowerOfTwo {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(location = "relative/dir"))
    static class RelativeLocation {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = {@Mount(mountPoint = "/mnt/x"), @Mount(mountPoint = "/mnt/x")})
    static class SharedMountPoint {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, cpus = -2)
    static class NegativeCpus {
        @Test
        void neverRuns(Instance vm) {
        }
    }

    record Row(Class<?> fixture, String attribute, String value, String rule) {
        @Override
        public String toString() {
            return fixture.getSimpleName();
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row(TwoVmTypes.class, "vmType", "{qemu, vz}", "names 2 values"),
                new Row(UnknownNinePCache.class, "cache", "\"writeback\"", "is not one of"),
                new Row(SystemMountPoint.class, "mountPoint", "\"/etc\"", "is a system path"),
                new Row(MemoryNotASize.class, "memory", "\"plenty\"", "is not a size"),
                new Row(StartTimeoutNotADuration.class, "startTimeout", "\"soon\"", "duration"),
                new Row(UnknownSftpDriver.class, "sftpDriver", "\"ftp\"", "is not one of"),
                new Row(QueueSizeNotAPowerOfTwo.class, "queueSize", "1000", "must be a power of two"),
                new Row(RelativeLocation.class, "location", "\"relative/dir\"", "must be an absolute path"),
                new Row(SharedMountPoint.class, "mountPoint", "\"/mnt/x\"", "is already the mountPoint of mounts[0]"),
                new Row(NegativeCpus.class, "cpus = -2", "-2", "must be 0 (engine default) or more"));
    }

    @BeforeAll
    static void countStarts() {
        ProcessRegistry.global().addListener(COUNTER);
    }

    @AfterAll
    static void nothingStarted() {
        assertThat(STARTED.get()).as("processes started by the whole table").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void failsTheClassNamingAttributeValueAndRuleAndStartsNothing(Row row) {
        EngineExecutionResults results = TestKit.run(Map.of(), row.fixture());

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(row.fixture()),
                finishedWithFailure(instanceOf(LimaConfigurationException.class),
                        message(m -> m.contains("@LimaInstance(")
                        && m.contains(row.attribute()) && m.contains(row.value()) && m.contains(row.rule())))));
        assertThat(results.testEvents().started().count()).isZero();
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
        assertThat(STARTED.get()).isZero();
    }
}
