package dev.limajunit.core.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A test run killed with SIGKILL leaves nothing behind: its watchdog ends its processes, and where no watchdog ran
 * the next run's sweep does, without touching the processes of runs that are still alive. Plain {@code sleep}s stand
 * in for QEMU and its helpers here (what is found and killed does not depend on the program);
 * {@code CrashCleanupVmIT} does the same with real VMs.
 */
class CrashCleanupIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final String NO_WATCHDOG = "-D" + OrphanWatchdog.ENABLED_PROPERTY + "=false";

    @BeforeEach
    void linuxProc() {
        assumeThat(MarkedProcesses.supported()).as("needs a readable /proc (Linux)").isTrue();
    }

    @Test
    void theWatchdogEndsTheProcessesOfAKilledRunAndTheirChildrenWithinTenSeconds() throws Exception {
        try (ChildJvm run = ChildJvm.start(SleepersMain.class, List.of(), SleepersMain.args(3), READY)) {
            // 3 sleeps, the forking sh and its two sleeps
            await().atMost(Duration.ofSeconds(10)).until(() -> MarkedProcesses.ofSession(run.session()).size() == 6);

            long killed = System.nanoTime();
            run.kill();

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(MarkedProcesses.ofSession(run.session())).isEmpty());
            System.out.printf("watchdog cleanup: %d ms after SIGKILL%n", (System.nanoTime() - killed) / 1_000_000);
        }
    }

    @Test
    void theSweepEndsLeftoversOfDeadRunsOnlyAndNeverThoseOfLiveRuns() throws Exception {
        String liveSession;
        try (ChildJvm live = ChildJvm.start(SleepersMain.class, List.of(NO_WATCHDOG), SleepersMain.args(1), READY)) {
            ChildJvm dead = ChildJvm.start(SleepersMain.class, List.of(NO_WATCHDOG), SleepersMain.args(2), READY);
            dead.kill(); // killed before it is asserted on, so a failure below leaves no JVM behind
            await().atMost(Duration.ofSeconds(10)).until(() -> MarkedProcesses.ofSession(dead.session()).size() == 5);
            assertThat(MarkedProcesses.ofSession(dead.session()))
                    .as("without a watchdog, the dead run's processes stay")
                    .hasSize(5);

            List<MarkedProcess> swept = LeftoverSweep.run();

            assertThat(swept).extracting(MarkedProcess::session).contains(dead.session())
                    .doesNotContain(live.session());
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(MarkedProcesses.ofSession(dead.session())).isEmpty());
            assertThat(MarkedProcesses.ofSession(live.session())).as("the live run's processes").hasSize(4)
                    .allSatisfy(p -> assertThat(ProcessHandle.of(p.pid())).isPresent());
            liveSession = live.session();
        }
        LeftoverSweep.run(); // the live run is dead now, and had no watchdog either
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(MarkedProcesses.ofSession(liveSession)).isEmpty());
    }

    @Test
    void theRegistryMarksEachProcessWithTheSessionAndThisJvmAsOwner() throws Exception {
        ManagedProcess sleeper = ProcessRegistry.global().start("marker check", new ProcessBuilder("sleep", "60"));
        try {
            assertThat(MarkedProcesses.ofSession(RunSession.id())).anySatisfy(p -> {
                assertThat(p.pid()).isEqualTo(sleeper.pid());
                assertThat(p.owner()).contains(ProcessOwner.current());
                assertThat(p.owner().get().isAlive()).isTrue();
            });
            assertThat(CrashGuard.watchdogPid()).isPresent();
        } finally {
            sleeper.close();
        }
    }
}
