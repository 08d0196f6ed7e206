package dev.limajunit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.EngineChoice;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.watch.EventLog;
import dev.limajunit.core.watch.GuestEvent;
import dev.limajunit.core.watch.GuestFileWatcher;
import dev.limajunit.core.watch.HostActions;
import dev.limajunit.core.watch.InotifyEvent;
import dev.limajunit.junit.internal.LimaKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EventType;

/**
 * The watcher parameters against a real qemu VM (the 9p writable spec of {@link SharedInstanceIT}):
 * {@code @BeforeEach}, the test and {@code @AfterEach} get the same {@link GuestFileWatcher}, {@link HostActions} and
 * {@link EventLog}; guest events arrive on that log next to the host actions; each test gets a fresh watcher, and none
 * of them outlives its test (no inotifywait left in the guest); a failing test carries its timeline; a second,
 * different {@link Watch} on the same mount fails naming both. Also with JUnit's closing of stored AutoCloseables
 * turned off. Boots one VM per run, two runs one after the other.
 */
class WatcherParameterIT {

    static final Duration SOON = Duration.ofSeconds(10);

    @LimaInstance(engine = EngineChoice.QEMU, mountType = MountType.NINEP, mounts = @Mount(writable = true))
    static class Watched {

        /** Every watcher a test of this class got, in test order. */
        static final List<GuestFileWatcher> WATCHERS = new CopyOnWriteArrayList<>();

        /** The VM, to see after the run that it was stopped. */
        static volatile Instance vm;

        @BeforeAll
        static void makeTheSubdirectory(MountedDirectory dir, Instance instance) throws Exception {
            Files.createDirectories(dir.host("sub"));
            vm = instance;
        }

        /** Runs after every test of this class and of {@link PerTest}: by then each watcher's test has ended. */
        @AfterAll
        static void noWatcherOutlivesItsTest(GuestShell shell) {
            assertThat(WATCHERS).hasSize(5).allSatisfy(w -> assertThat(w.isRunning()).as("watcher on " + w.root())
                    .isFalse());
            await("no inotifywait left in the guest").atMost(SOON).untilAsserted(() -> assertThat(
                    shell.execShell("grep -lx inotifywait /proc/[0-9]*/comm 2>/dev/null | wc -l").stdoutText().trim())
                    .isEqualTo("0"));
        }

        @Test
        void watchesASubdirectoryNamingPathsFromTheMountRoot(
                @Watch(path = "sub", recursive = false, events = InotifyEvent.CREATE) GuestFileWatcher watcher,
                HostActions host, MountedDirectory dir) {
            WATCHERS.add(watcher);
            assertThat(watcher.isRunning()).isTrue();
            assertThat(watcher.root()).isEqualTo(dir.guest("sub"));
            assertThat(host.root()).isEqualTo(dir.hostPath().toAbsolutePath().normalize());
            assertThat(watcher.log().entries().get(0).toString())
                    .contains("inotifywait -m --format", "-e create -- " + dir.guest("sub"))
                    .doesNotContain(" -r ");
        }

        @Nested
        @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
        class PerTest {
            GuestFileWatcher watcher;
            HostActions host;
            EventLog log;

            @BeforeEach
            void watch(GuestFileWatcher watcher, HostActions host, EventLog log) {
                assertThat(watcher.isRunning()).as("ready when handed over").isTrue();
                this.watcher = watcher;
                this.host = host;
                this.log = log;
                WATCHERS.add(watcher);
            }

            @AfterEach
            void stillWatchingInAfterEach(GuestFileWatcher watcher, HostActions host, EventLog log) {
                assertThat(watcher).isSameAs(this.watcher);
                assertThat(host).isSameAs(this.host);
                assertThat(log).isSameAs(this.log);
                assertThat(watcher.isRunning()).as("closed only after @AfterEach").isTrue();
            }

            @Test
            @Order(1)
            void getsWhatBeforeEachGotOnOneTimeline(GuestFileWatcher watcher, HostActions host, EventLog log,
                    MountedDirectory dir) {
                assertThat(watcher).isSameAs(this.watcher);
                assertThat(host).isSameAs(this.host);
                assertThat(log).isSameAs(this.log).isSameAs(watcher.log()).isSameAs(host.log());
                assertThat(watcher.root()).isEqualTo(dir.guestPath());
                assertThat(host.root()).isEqualTo(dir.hostPath().toAbsolutePath().normalize());

                var created = host.create("param-by-host.txt", "from the host\n");
                dir.shell().execChecked("sh", "-c", "echo hi > \"$1\"", "write", dir.guest("param-by-guest.txt")
                        .value());

                await("CREATE and CLOSE_WRITE of the guest's write").atMost(SOON)
                        .until(() -> log.eventsFor("param-by-guest.txt")
                        .stream().map(GuestEvent::events).flatMap(Set::stream).toList()
                        .containsAll(List.of(InotifyEvent.CREATE, InotifyEvent.CLOSE_WRITE)));
                assertThat(log.hostActions()).containsExactly(created);
                assertThat(log.entries()).as("host action before the guest's events, on one clock")
                        .containsSubsequence(created, log.eventsFor("param-by-guest.txt").get(0));
            }

            @Test
            @Order(2)
            void aNewTestGetsANewWatcherAndTheLastOneIsGone(GuestFileWatcher watcher, EventLog log) {
                GuestFileWatcher previous = WATCHERS.get(WATCHERS.size() - 2);
                assertThat(watcher).isNotSameAs(previous);
                assertThat(previous.isRunning()).as("the previous test's watcher").isFalse();
                assertThat(log.eventsFor("param-by-guest.txt")).as("a fresh timeline").isEmpty();
            }

            @Test
            @Order(3)
            void aFailureCarriesTheTimeline(HostActions host) {
                host.create("param-before-the-failure.txt", "x\n");
                fail("failing on purpose, to see the timeline attached");
            }

            @Test
            @Order(4)
            void aDifferentWatchThanBeforeEachsFails(@Watch(path = "sub") GuestFileWatcher watcher) {
                fail("never runs: the parameter cannot be resolved");
            }
        }
    }

    @Test
    void oneWatcherPerTestSharedByItsLifecycleMethodsAndClosedWithIt() throws Exception {
        assertWatchedRun(Map.of());
    }

    /** With JUnit's closing of stored AutoCloseables turned off, the watchers (and the VM) are closed all the same. */
    @Test
    void closedAlsoWhenTheBuildTurnedAutoCloseableClosingOff() throws Exception {
        assertWatchedRun(Map.of("junit.jupiter.extensions.store.close.autocloseable.enabled", "false"));
    }

    private static void assertWatchedRun(Map<String, String> configuration) throws Exception {
        Watched.WATCHERS.clear();
        EngineExecutionResults results = TestKit.run(configuration, Watched.class);

        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("watchesASubdirectoryNamingPathsFromTheMountRoot"), finishedSuccessfully()))
                .haveExactly(1, event(test("getsWhatBeforeEachGotOnOneTimeline"), finishedSuccessfully()))
                .haveExactly(1, event(test("aNewTestGetsANewWatcherAndTheLastOneIsGone"), finishedSuccessfully()))
                .haveExactly(1, event(test("aFailureCarriesTheTimeline"),
                        finishedWithFailure(message("failing on purpose, to see the timeline attached"))))
                .haveExactly(1, event(test("aDifferentWatchThanBeforeEachsFails"), finishedWithFailure(message(m ->
                        m.contains("parameter watcher of aDifferentWatchThanBeforeEachsFails asks for @Watch(path ="
                                + " \"sub\", recursive = true, events = {}, readyTimeout = \"30000ms\"), but this"
                                + " test's watcher on ")
                        && m.contains("was started by parameter watcher of watch with the default watch")))));
        // @AfterAll (no inotifywait left, every watcher closed) passed: the class and its nested class finished well.
        results.containerEvents().assertThatEvents()
                .haveExactly(2, event(container(Watched.class), finishedSuccessfully()));
        assertThat(results.containerEvents().failed().count()).isZero();

        Path timeline = results.allEvents().stream()
                .filter(e -> e.getType() == EventType.FILE_ENTRY_PUBLISHED)
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith("aFailureCarriesTheTimeline"))
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath())
                .filter(p -> p.getFileName().toString().equals("watch-timeline.txt"))
                .findFirst().orElseThrow(() -> new AssertionError("no watch-timeline.txt on the failed test"));
        assertThat(Files.readString(timeline)).contains("param-before-the-failure.txt", "watches established");
        assertThat(TestKit.reportEntries(results, LimaKeys.BOOTED)).hasSize(1);
        assertThat(Watched.vm.isRunning()).as("the VM, stopped when the run ended").isFalse();
    }
}
