package dev.limajunit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePCache;
import dev.limajunit.core.config.ProtocolVersion;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.config.SecurityModel;
import dev.limajunit.core.config.SftpDriver;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.core.watch.InotifyEvent;
import dev.limajunit.junit.LimaConfigurationException;
import dev.limajunit.junit.LimaInstance;
import dev.limajunit.junit.Mount;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.MountPoint;
import dev.limajunit.junit.TestKit;
import dev.limajunit.junit.Watch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The rules of the {@link GuestFileWatcher}, {@link HostActions} and {@link EventLog} parameters that hold before a
 * VM exists: a bad {@link Watch} or a watcher on a per-class method fails the class naming the parameter, before
 * anything boots; on a VM with several mounts a parameter without a selector fails naming the rule. Needs no VM.
 */
class WatchParameterTest {

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(writable = true))
    static class BadWatchAttributes {
        @Test
        void neverRuns(@Watch(path = "/etc", events = InotifyEvent.ISDIR, readyTimeout = "soon") GuestFileWatcher w,
                @Watch(path = "src/../..") GuestFileWatcher climbs) {
        }
    }

    @LimaInstance(mountType = MountType.NINEP, mounts = @Mount(writable = true))
    static class WatcherForTheWholeClass {
        WatcherForTheWholeClass(EventLog log) {
        }

        @BeforeAll
        static void watchOnce(GuestFileWatcher watcher) {
        }

        @Test
        void neverRuns(@Watch HostActions host) {
        }
    }

    /** No lima-junit annotation: nothing registers a resolver, so JUnit names the parameter. */
    static class WithoutLimaInstance {
        @Test
        void wantsAWatcher(GuestFileWatcher watcher) {
        }
    }

    /** A stand-in for the VM's mounts: two of them, so resolution fails before touching a guest. */
    static final class TwoMounts implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return WatchParameters.TYPES.contains(parameter.getParameter().getType());
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return WatchParameters.resolve(parameter, context, List.of(mount(0, "/mnt/a"), mount(1, "/mnt/b")));
        }

        private static MountedDirectory mount(int index, String mountPoint) {
            ResolvedMount resolved = new ResolvedMount(index, Path.of("/tmp/host-" + index), mountPoint, true,
                    new ResolvedMount.Sshfs(true, false, SftpDriver.OPENSSH_SFTP_SERVER),
                    new ResolvedMount.NineP(SecurityModel.NONE, ProtocolVersion.P9_2000_L, 131072, NinePCache.FSCACHE),
                            0);
            return new MountedDirectory(resolved, MountType.NINEP, resolved.location(), GuestPath.of(mountPoint), null);
        }
    }

    @ExtendWith(TwoMounts.class)
    static class SeveralMounts {
        @Test
        void noSelector(HostActions host) {
        }

        @Test
        void indexOutOfRange(@MountIndex(2) EventLog log) {
        }

        @Test
        void unknownMountPoint(@MountPoint("/mnt/c") GuestFileWatcher watcher) {
        }
    }

    @Test
    void badWatchAttributesFailTheClassNamingEachBeforeAnythingBoots() {
        EngineExecutionResults results = TestKit.run(Map.of(), BadWatchAttributes.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(BadWatchAttributes.class),
                finishedWithFailure(instanceOf(LimaConfigurationException.class), message(m -> m.contains(
                        "has 2 invalid watcher parameters (nothing was booted)")
                        && m.contains("parameter w of neverRuns: @Watch(path = \"/etc\"): is absolute")
                        && m.contains("@Watch(events = ISDIR): inotifywait reports it but cannot watch for it")
                        && m.contains("@Watch(readyTimeout = \"soon\"): \"soon\" is not a duration")
                        && m.contains("parameter climbs of neverRuns: @Watch(path = \"src/../..\"): climbs out of"
                                + " the mount")))));
        assertThat(results.testEvents().started().count()).isZero();
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void aWatcherOnAConstructorOrBeforeAllFailsTheClassWithThePerTestRule() {
        EngineExecutionResults results = TestKit.run(Map.of(), WatcherForTheWholeClass.class);

        results.containerEvents().assertThatEvents().haveExactly(1, event(container(WatcherForTheWholeClass.class),
                finishedWithFailure(instanceOf(LimaConfigurationException.class), message(m -> m.contains(
                        "has 3 invalid watcher parameters")
                        && m.contains("parameter log of the constructor: an EventLog belongs to one test")
                        && m.contains("parameter watcher of watchOnce: a GuestFileWatcher belongs to one test (its"
                                + " watcher stops when the test ends): declare it on a @Test, @BeforeEach or"
                                + " @AfterEach method")
                        && m.contains("parameter host of neverRuns: @Watch configures a GuestFileWatcher parameter,"
                                + " not a HostActions")))));
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).isEmpty();
    }

    @Test
    void withoutLimaInstanceJunitNamesTheParameterNobodyResolves() {
        EngineExecutionResults results = TestKit.run(Map.of(), WithoutLimaInstance.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("wantsAWatcher"), finishedWithFailure(
                message(m -> m.contains("No ParameterResolver registered for parameter")
                        && m.contains(GuestFileWatcher.class.getName())))));
    }

    @Test
    void onSeveralMountsAWatcherParameterNeedsASelectorLikeAMountedDirectory() {
        EngineExecutionResults results = TestKit.run(Map.of(), SeveralMounts.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("noSelector"), finishedWithFailure(message(m -> m.contains(
                        "parameter host of noSelector: the VM has 2 mounts (/mnt/a, /mnt/b); pick one with"
                                + " @MountIndex(n) or @MountPoint(\"/guest/path\")")))))
                .haveExactly(1, event(test("indexOutOfRange"), finishedWithFailure(message(m -> m.contains(
                        "parameter log of indexOutOfRange: @MountIndex(2) is not in 0..1")))))
                .haveExactly(1, event(test("unknownMountPoint"), finishedWithFailure(message(m -> m.contains(
                        "parameter watcher of unknownMountPoint: @MountPoint(\"/mnt/c\") matches no mount")))));
    }

    @Test
    void aWatchReadsAsWatchOptionsWithItsPathNormalized() throws Exception {
        WatchRequest request = WatchRequest.of(watchOf("configured"));

        assertThat(request.path()).isEqualTo("src");
        assertThat(request.options().recursive()).isFalse();
        assertThat(request.options().only()).isEqualTo(Set.of(InotifyEvent.CREATE, InotifyEvent.CLOSE_WRITE));
        assertThat(request.options().readyTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(request.describe()).isEqualTo("@Watch(path = \"src\", recursive = false, events = {CLOSE_WRITE,"
                + " CREATE}, readyTimeout = \"120000ms\")");
        assertThat(WatchRequest.DEFAULT.describe()).contains("the mount root, recursive, every event");
    }

    @Test
    void aZeroReadyTimeoutIsRefused() {
        assertThatThrownBy(() -> WatchRequest.of(watchOf("zeroTimeout")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@Watch(readyTimeout = \"0s\"): must be positive");
    }

    /** Where the {@link Watch}es the unit tests read are declared. */
    static final class Declared {
        void configured(@Watch(path = "./src/", recursive = false, readyTimeout = "2m",
                events = {InotifyEvent.CREATE, InotifyEvent.CLOSE_WRITE}) GuestFileWatcher watcher) {
        }

        void zeroTimeout(@Watch(readyTimeout = "0s") GuestFileWatcher watcher) {
        }
    }

    private static Watch watchOf(String method) throws NoSuchMethodException {
        return Declared.class.getDeclaredMethod(method, GuestFileWatcher.class).getParameters()[0]
                .getAnnotation(Watch.class);
    }
}
