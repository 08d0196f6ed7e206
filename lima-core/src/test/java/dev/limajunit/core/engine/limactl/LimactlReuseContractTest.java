package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.shell.ssh.LocalSshd;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in reuse ({@code lima.reuse}) against the stand-in limactl: {@link LimactlEngine#attach} finds an instance an
 * earlier run kept under its stable {@code ljreuse-} name, uses a running one without creating or starting
 * anything, starts a stopped one, finds nothing when there is none; closing it leaves it running; the sweep of dead
 * runs never touches it. The guest shell is a real SSH session to a local OpenSSH sshd, as in
 * {@link LimactlEngineContractTest}.
 */
class LimactlReuseContractTest {

    private static final String KEPT = "ljreuse-0123456789ab";

    @TempDir
    Path tmp;

    private ContractFixture f;
    private LocalSshd sshd;

    @BeforeEach
    void setUp() {
        f = new ContractFixture(tmp);
        sshd = LocalSshd.start();
        f.fake.set("FAKE_LIMACTL_SSH_PORT", Integer.toString(sshd.port()))
                .set("FAKE_LIMACTL_SSH_KEY", sshd.userKey().toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        fake("delete", "--force", KEPT);
        sshd.close();
        assertThat(f.runningHostAgents()).as("host agents left running").isEmpty();
    }

    private LimactlEngine engine() {
        return new LimactlEngine(f.settings(), SshGuestShell::connect);
    }

    private static ResolvedInstance spec() {
        return ContractFixture.spec(MountType.REVERSE_SSHFS);
    }

    @Test
    void attachUsesARunningKeptInstanceWithoutCreatingOrStartingIt() throws Exception {
        keep(true);
        int before = f.fake.invocations().size();

        Optional<Instance> attached = engine().attach(spec(), StartOptions.named(KEPT));

        assertThat(attached).isPresent();
        Instance instance = attached.get();
        try {
            assertThat(instance.name()).isEqualTo(KEPT);
            assertThat(instance.isRunning()).isTrue();
            assertThat(instance.shell().execChecked("id", "-un").stdoutText().strip())
                    .isEqualTo(System.getProperty("user.name"));
        } finally {
            instance.close();
        }
        List<List<String>> calls = callsSince(before);
        assertThat(calls).noneMatch(call -> call.get(0).equals("create") || call.get(0).equals("start")
                || call.get(0).equals("stop") || call.get(0).equals("delete"));
        // closing a kept instance leaves it running for the next run
        assertThat(f.limaHome.resolve(KEPT)).isDirectory();
        assertThat(f.runningHostAgents()).hasSize(1);
    }

    @Test
    void attachStartsAStoppedKeptInstance() throws Exception {
        keep(false);
        int before = f.fake.invocations().size();

        Instance instance = engine().attach(spec(), StartOptions.named(KEPT)).orElseThrow();
        try {
            assertThat(instance.isRunning()).isTrue();
            assertThat(instance.bootPhases()).containsKeys("start", "ssh", "mounts").doesNotContainKey("create");
        } finally {
            instance.close();
        }
        List<List<String>> calls = callsSince(before);
        assertThat(calls).noneMatch(call -> call.get(0).equals("create"));
        assertThat(calls).anyMatch(call -> call.get(0).equals("start") && call.contains(KEPT));
        assertThat(f.runningHostAgents()).hasSize(1);
    }

    @Test
    void attachFindsNothingWhenNoInstanceWasKept() {
        int before = f.fake.invocations().size();

        assertThat(engine().attach(spec(), StartOptions.named(KEPT))).isEmpty();

        assertThat(callsSince(before)).containsExactly(List.of("list", "--json", KEPT));
    }

    @Test
    void aKeptInstanceThatDoesNotMountTheDeclaredDirectoryIsDeletedSoAFreshOneCanTakeItsName() throws Exception {
        keep(true);
        int before = f.fake.invocations().size();
        ResolvedInstance mounting = ContractFixture.spec(MountType.REVERSE_SSHFS, f.mount(0, "/mnt/src", true));

        assertThat(engine().attach(mounting, StartOptions.named(KEPT))).isEmpty();

        List<List<String>> calls = callsSince(before);
        assertThat(calls).noneMatch(call -> call.get(0).equals("create") || call.get(0).equals("start"));
        assertThat(calls).anyMatch(call -> call.get(0).equals("delete") && call.contains(KEPT));
        assertThat(f.limaHome.resolve(KEPT)).doesNotExist();
        assertThat(f.runningHostAgents()).isEmpty();
    }

    @Test
    void theSweepOfDeadRunsLeavesKeptInstancesAlone() throws Exception {
        keep(true);
        int before = f.fake.invocations().size();
        f.fake.scenario("create-fails"); // stop right after the sweep

        Throwable thrown = catchThrowable(() -> engine().start(spec(), StartOptions.named(f.name("1"))));

        assertThat(thrown).isInstanceOf(InstanceStartException.class).hasMessageContaining("limactl create");
        assertThat(callsSince(before)).contains(List.of("list", "--json"))
                .noneMatch(call -> call.contains(KEPT));
        assertThat(f.limaHome.resolve(KEPT)).isDirectory();
        assertThat(f.runningHostAgents()).hasSize(1);
    }

    @Test
    void engineReusesAcrossRunsExceptWithAPrivateLimaHome() {
        assertThat(engine().reusesAcrossRuns()).isTrue();
        LimactlSettings s = f.settings();
        LimactlSettings privateHome = s.withPrivateHome(true);
        assertThat(new LimactlEngine(privateHome).reusesAcrossRuns()).isFalse();
    }

    /** What an earlier run with lima.reuse left: the instance, created and (if {@code running}) started. */
    private void keep(boolean running) throws Exception {
        Path yaml = Files.writeString(tmp.resolve(KEPT + ".yaml"), "base: [template:default]\n");
        fake("create", "--name=" + KEPT, "--tty=false", yaml.toString());
        if (running) {
            fake("start", "--tty=false", KEPT);
        }
    }

    private List<List<String>> callsSince(int before) {
        List<List<String>> all = f.fake.argLists();
        return all.subList(before, all.size());
    }

    private void fake(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(f.fake.binDir().resolve("limactl").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(f.fake.environment());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("fake limactl finished: " + out).isTrue();
    }
}
