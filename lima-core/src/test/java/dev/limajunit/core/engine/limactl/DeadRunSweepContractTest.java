package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep at the first start deletes the instances of runs that died (their session lock is free), and only
 * those: not the instances of a run that is alive, not instances that are not ours. Against the stand-in limactl.
 */
class DeadRunSweepContractTest {

    @TempDir
    Path tmp;

    private ContractFixture f;
    private SessionLocks otherLiveRun;

    @BeforeEach
    void setUp() {
        f = new ContractFixture(tmp);
        otherLiveRun = SessionLocks.start(tmp.resolve("sessions"));
    }

    @AfterEach
    void deleteWhatIsLeft() throws Exception {
        for (String name : List.of("lj-" + otherLiveRun.currentSession() + "-1", "default")) {
            fake(Map.of(), "delete", "--force", name);
        }
        assertThat(f.runningHostAgents()).as("host agents left running").isEmpty();
    }

    @Test
    void deletesInstancesOfDeadRunsOnly() throws Exception {
        String dead = "lj-deadrun1-1";
        String deadStopped = "lj-deadrun2-7";
        String live = "lj-" + otherLiveRun.currentSession() + "-1";
        for (String name : List.of(dead, deadStopped, live, "default")) {
            Path yaml = Files.writeString(tmp.resolve(name + ".yaml"), "base: [template:default]\n");
            fake(Map.of(), "create", "--name=" + name, "--tty=false", yaml.toString());
        }
        fake(Map.of(), "start", "--tty=false", dead);
        fake(Map.of(), "start", "--tty=false", live);
        int callsBefore = f.fake.invocations().size();

        f.fake.scenario("create-fails"); // stop right after the sweep: this test is about the sweep
        LimactlEngine engine = new LimactlEngine(f.settings(), (t, d) -> {
            throw new AssertionError("no SSH expected");
        });
        Throwable thrown = catchThrowable(() -> engine.start(
                ContractFixture.spec(MountType.REVERSE_SSHFS, f.mount(0, "/mnt/x", false)),
                StartOptions.named(f.name("1"))));

        assertThat(thrown).isInstanceOf(InstanceStartException.class).hasMessageContaining("limactl create");
        List<List<String>> sweepCalls = f.fake.argLists().subList(callsBefore, f.fake.invocations().size());
        assertThat(sweepCalls).contains(
                List.of("list", "--json"),
                List.of("stop", "-f", dead), List.of("delete", "--force", dead),
                List.of("delete", "--force", deadStopped));
        assertThat(sweepCalls).doesNotContain(List.of("stop", "-f", deadStopped))
                .noneMatch(call -> call.contains(live) || call.contains("default"));
        assertThat(f.limaHome.resolve(dead)).doesNotExist();
        assertThat(f.limaHome.resolve(deadStopped)).doesNotExist();
        assertThat(f.limaHome.resolve(live)).isDirectory();
        assertThat(f.limaHome.resolve("default")).isDirectory();
        // the dead run's host agent is gone, the live run's still runs
        assertThat(f.runningHostAgents()).hasSize(1);
    }

    private void fake(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(f.fake.binDir().resolve("limactl").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(f.fake.environment());
        builder.environment().putAll(extra);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("fake limactl finished: " + out).isTrue();
    }
}
