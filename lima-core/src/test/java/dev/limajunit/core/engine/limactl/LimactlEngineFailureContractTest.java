package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the limactl engine fails, against the stand-in limactl (CLI contract only: no VM boots). Each failure must
 * name its cause, carry the logs that explain it, and leave no instance and no host agent behind.
 */
class LimactlEngineFailureContractTest {

    private static final GuestShellConnector NO_SSH = (target, timeout) -> {
        throw new AssertionError("a failed start must not get as far as SSH (asked for " + target + ")");
    };

    @TempDir
    Path tmp;

    private ContractFixture f;

    @BeforeEach
    void setUp() {
        f = new ContractFixture(tmp);
    }

    private ResolvedInstance spec() {
        return ContractFixture.spec(MountType.REVERSE_SSHFS, f.mount(0, "/mnt/lj-src", true));
    }

    private InstanceStartException startFails(LimactlEngine engine, String name, Duration timeout) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> engine.start(spec(), StartOptions.named(name).withStartTimeout(timeout)));
        assertThat(thrown).isInstanceOf(InstanceStartException.class);
        return (InstanceStartException) thrown;
    }

    @Test
    void withoutLimactlOnPathTheEngineIsUnavailableAndSaysWhy() {
        Map<String, String> env = Map.of("PATH", tmp.resolve("empty").toString(), "HOME", tmp.toString());
        LimactlEngine engine = new LimactlEngine(f.settings().withEnvironment(env), NO_SSH);

        assertThat(engine.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("no limactl on PATH").contains(tmp.resolve("empty").toString()).contains("engine=qemu"));
        assertThatThrownBy(() -> engine.start(spec(), StartOptions.named(f.name("a"))))
                .isInstanceOf(InstanceStartException.class).hasMessageContaining("no limactl on PATH");
        assertThat(f.fake.invocations()).isEmpty();
    }

    @Test
    void asRootTheEngineRefusesBeforeRunningLimactl() {
        LimactlEngine engine = new LimactlEngine(f.settings().withHostUser(new HostUser("root", 0)), NO_SSH);

        assertThat(engine.unavailableReason()).hasValueSatisfying(reason -> assertThat(reason)
                .contains("refuses to run as the root user").contains("must not run as the root user"));
        assertThatThrownBy(() -> engine.start(spec(), StartOptions.named(f.name("a"))))
                .isInstanceOf(InstanceStartException.class).hasMessageContaining("refuses to run as the root user");
        assertThat(f.fake.invocations()).isEmpty();
    }

    @Test
    void limactlsOwnRootRefusalIsExplained() {
        f.fake.set("FAKE_LIMACTL_EUID", "0");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, f.name("a"), Duration.ofSeconds(30));

        assertThat(e).hasMessageContaining("refuses to run as the root user")
                .hasMessageContaining("level=fatal msg=\"must not run as the root user\"");
        // --version answers as root (cobra handles it before the root check); the first real command is refused
        assertThat(f.fake.argLists()).containsExactly(List.of("--version"), List.of("list", "--json"));
    }

    @Test
    void aFailedCreateReportsLimactlsErrorAndCreatesNothing() {
        f.fake.scenario("create-fails");
        String name = f.name("a");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(30));

        assertThat(e).hasMessageContaining("instance \"" + name + "\" failed to start")
                .hasMessageContaining("`limactl create` exited with status 1")
                .hasMessageContaining("must be an absolute path");
        assertThat(f.limaHome.resolve(name)).doesNotExist();
        assertThat(f.fake.argLists()).contains(
                List.of("create", "--name=" + name, "--tty=false", tmp.resolve("work").resolve(name + ".yaml")
                        .toString()));
    }

    @Test
    void aFailedStartCarriesTheHostAgentAndSerialLogTailsAndCleansUp() {
        f.fake.scenario("start-fails");
        String name = f.name("a");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(30));

        assertThat(e).hasMessageContaining("`limactl start` exited with status 1")
                .hasMessageContaining("exiting, status={Running:false")
                // ha.stderr.log's JSON lines, shown as "level msg"
                .hasMessageContaining("error [qemu] qemu-system-x86_64: -accel kvm: failed to initialize kvm")
                .hasMessageContaining("serial.log (last lines)")
                .hasMessageContaining("Linux version 6.8.0-49-generic")
                .hasMessageContaining("logs are kept in " + tmp.resolve("work/failed").resolve(name));
        assertThat(tmp.resolve("work/failed").resolve(name).resolve("ha.stderr.log")).exists();
        assertThat(f.limaHome.resolve(name)).doesNotExist();
        List<List<String>> calls = f.fake.argLists();
        assertThat(calls.subList(calls.size() - 2, calls.size()))
                .containsExactly(List.of("stop", "-f", name), List.of("delete", "--force", name));
        assertThat(f.runningHostAgents()).isEmpty();
    }

    @Test
    void aDegradedInstanceFailsTheStartAndIsStopped() {
        f.fake.scenario("degraded");
        String name = f.name("a");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(30));

        assertThat(e).hasMessageContaining("DEGRADED")
                .hasMessageContaining("error failed to mount \"/Users/someone/src\"")
                .hasMessageContaining("degraded, status={Running:true Degraded:true");
        assertThat(f.hostAgentPids()).hasSize(1);
        assertThat(f.runningHostAgents()).as("host agents left running").isEmpty();
        assertThat(f.fake.argLists()).contains(List.of("stop", "-f", name), List.of("delete", "--force", name));
        assertThat(f.limaHome.resolve(name)).doesNotExist();
    }

    @Test
    void limasStartTimeoutIsReportedAndTheHostAgentIsStoppedForcibly() {
        f.fake.scenario("start-timeout");
        String name = f.name("a");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(90));

        assertThat(e).hasMessageContaining("did not become ready within the start timeout of 90 s")
                .hasMessageContaining("did not receive an event with the \\\"running\\\" status")
                .hasMessageContaining("still waiting for network");
        assertThat(f.fake.argLists()).contains(List.of("start", "--tty=false", "--timeout=90s", name),
                List.of("stop", "-f", name));
        assertThat(f.hostAgentPids()).hasSize(1);
        assertThat(f.runningHostAgents()).as("host agents left running").isEmpty();
    }

    @Test
    void aHangingStartIsKilledAndItsHostAgentStopped() {
        f.fake.scenario("hang");
        String name = f.name("a");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(2));

        assertThat(e).hasMessageContaining("did not become ready within the start timeout of 2 s")
                .hasMessageContaining("(killed after");
        assertThat(f.fake.argLists()).contains(List.of("stop", "-f", name), List.of("delete", "--force", name));
        assertThat(f.runningHostAgents()).as("host agents left running").isEmpty();
    }

    @Test
    void readyButNotRunningIsAFailure() {
        f.fake.scenario("stopped-after-ready");
        String name = f.name("a");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(30));

        assertThat(e).hasMessageContaining("Lima said READY, but `limactl list --json` reports status Stopped");
        assertThat(f.fake.argLists()).contains(List.of("list", "--json", name));
    }

    @Test
    void mountInotifyNeedsLima021() {
        f.fake.set("FAKE_LIMACTL_VERSION", "0.20.2");
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);
        ResolvedInstance inotify = new ResolvedInstance(spec().vmType(), spec().mountType(), spec().mounts(), true, 2,
                2L << 30);

        assertThatThrownBy(() -> engine.start(inotify, StartOptions.named(f.name("a"))))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("mountInotify needs Lima 0.21 or later, but limactl is 0.20.2");
        assertThat(f.fake.argLists()).containsExactly(List.of("--version"));
    }

    @Test
    void aLimaHomeTooLongForUnixSocketsIsRefusedBeforeAnythingRuns() {
        Path longHome = tmp.resolve("h".repeat(90));
        f.fake.set("LIMA_HOME", longHome.toString());
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);
        String name = f.name("a");

        assertThatThrownBy(() -> engine.start(spec(), StartOptions.named(name)))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("LIMA_HOME \"" + longHome + "\" is too long for instance \"" + name + "\"")
                .hasMessageContaining("must stay within 107 bytes")
                .hasMessageContaining("lima.limactl.privateHome=true");
        assertThat(f.fake.invocations()).isEmpty();
    }

    @Test
    void thePrivateHomeIsShortAndGoesAwayWithItsLastInstance() {
        f.fake.scenario("create-fails");
        LimactlEngine engine = new LimactlEngine(f.settings().withPrivateHome(true), NO_SSH);
        Path privateHome = Path.of("/tmp/lj-" + f.session.currentSession());

        startFails(engine, f.name("a"), Duration.ofSeconds(30));

        assertThat(f.fake.invocations()).isNotEmpty()
                .allSatisfy(call -> assertThat(call.limaHome()).isEqualTo(privateHome.toString()));
        assertThat(privateHome).doesNotExist();
    }

    @Test
    void anInvalidInstanceNameIsRefusedWithLimasRule() {
        LimactlEngine engine = new LimactlEngine(f.settings(), NO_SSH);

        assertThatThrownBy(() -> engine.start(spec(), StartOptions.named("_bad name")))
                .isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("instance name \"_bad name\" is not a valid Lima instance name");
        assertThat(f.fake.invocations()).isEmpty();
        assertThat(Files.exists(f.limaHome)).isFalse();
    }

    @Test
    void sshGoesToTheGuestUserOfLimasConfigWithLimasKeyAndAFailedLoginFailsTheStart() {
        f.fake.set("FAKE_LIMACTL_GUEST_USER", "lima").set("FAKE_LIMACTL_SSH_PORT", "2222");
        String name = f.name("a");
        List<dev.limajunit.core.shell.SshTarget> asked = new ArrayList<>();
        LimactlEngine engine = new LimactlEngine(f.settings(), (target, timeout) -> {
            asked.add(target);
            throw new IllegalStateException("connection refused");
        });

        InstanceStartException e = startFails(engine, name, Duration.ofSeconds(30));

        assertThat(asked).singleElement().satisfies(t -> {
            assertThat(t.user()).isEqualTo("lima");
            assertThat(t.port()).isEqualTo(2222);
            assertThat(t.privateKey()).isEqualTo(f.limaHome.resolve("_config/user"));
        });
        assertThat(e).hasMessageContaining("no SSH session to the guest on 127.0.0.1:2222 as lima with key "
                + f.limaHome.resolve("_config/user") + ": connection refused");
        assertThat(f.fake.argLists()).contains(List.of("stop", "-f", name), List.of("delete", "--force", name));
        assertThat(f.runningHostAgents()).isEmpty();
    }
}
