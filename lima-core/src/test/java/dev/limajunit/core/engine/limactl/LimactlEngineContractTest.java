package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.SshTarget;
import dev.limajunit.core.shell.ssh.LocalSshd;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole start and close of the limactl engine against the stand-in limactl (CLI contract only), with the steps
 * after {@code limactl start} done for real: the fake's {@code list --json} reports the port of a real OpenSSH sshd
 * on this host, the engine logs in there with the key it finds in {@code $LIMA_HOME/_config/user}, and checks the
 * declared mounts in this host's /proc/mounts. The positive mount is a real fuse.sshfs mount made here the way
 * Lima's reverse-sshfs makes it in a guest; the negative ones are a path where nothing is mounted and /proc (a real
 * mount of the wrong type). What the engine cannot show here is that Lima itself mounts anything: that is
 * LimactlEngineIT's job where Lima is installed.
 */
class LimactlEngineContractTest {

    @TempDir
    Path tmp;

    private ContractFixture f;
    private LocalSshd sshd;
    private final List<SshTarget> targets = new ArrayList<>();

    @BeforeEach
    void setUp() {
        f = new ContractFixture(tmp);
        sshd = LocalSshd.start();
        f.fake.set("FAKE_LIMACTL_SSH_PORT", Integer.toString(sshd.port()))
                .set("FAKE_LIMACTL_SSH_KEY", sshd.userKey().toString());
    }

    @AfterEach
    void tearDown() {
        sshd.close();
        assertThat(f.runningHostAgents()).as("host agents left running").isEmpty();
    }

    private LimactlEngine engine() {
        return new LimactlEngine(f.settings(), (target, timeout) -> {
            targets.add(target);
            return SshGuestShell.connect(target, timeout);
        });
    }

    @Test
    void startsAndClosesWithLimasArgumentContract() throws Exception {
        String reason = HostSshfsMount.unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> "cannot make a real sshfs mount on this host: " + reason);
        Path location = Files.createDirectories(tmp.resolve("project"));
        Files.writeString(location.resolve("hello.txt"), "from the host\n");
        Path guestMountPoint = tmp.resolve("guest-mnt");
        String name = f.name("sshfs-0");
        ResolvedInstance spec = ContractFixture.spec(MountType.REVERSE_SSHFS, f.mount(0, guestMountPoint.toString(),
                true));
        List<String> phases = new ArrayList<>();

        try (HostSshfsMount mounted = HostSshfsMount.mount(f.dir.resolve("src0"), guestMountPoint)) {
            Files.writeString(f.dir.resolve("src0").resolve("seen.txt"), "through sshfs\n");
            Instance instance = engine().start(spec, StartOptions.named(name).withStartTimeout(Duration.ofSeconds(60))
                    .withProgress((inst, phase, took) -> phases.add(phase)));
            try {
                assertThat(instance.name()).isEqualTo(name);
                assertThat(instance.engineName()).isEqualTo("limactl");
                assertThat(instance.isRunning()).isTrue();
                assertThat(phases).containsExactly("create", "start", "ssh", "mounts");
                assertThat(instance.bootPhases()).containsOnlyKeys("create", "start", "ssh", "mounts");
                assertThat(instance.diagnosticFiles()).containsKeys("ha.stderr.log", "serial.log", "lima.yaml");

                // SSH: the port from `list --json`, the host user's name, the key Lima keeps in _config/user
                assertThat(targets).singleElement().satisfies(t -> {
                    assertThat(t.port()).isEqualTo(sshd.port());
                    assertThat(t.host()).isEqualTo("127.0.0.1");
                    assertThat(t.user()).isEqualTo(System.getProperty("user.name"));
                    assertThat(t.privateKey()).isEqualTo(f.limaHome.resolve("_config/user"));
                });
                assertThat(instance.shell().execChecked("id", "-un").stdoutText().strip())
                        .isEqualTo(System.getProperty("user.name"));
                assertThat(instance.mounts()).singleElement().satisfies(m -> {
                    assertThat(m.hostPath()).isEqualTo(f.dir.resolve("src0"));
                    assertThat(m.guestPath()).isEqualTo(GuestPath.of(guestMountPoint.toString()));
                    assertThat(m.type()).isEqualTo(MountType.REVERSE_SSHFS);
                });
                assertThat(instance.shell().execChecked("cat", guestMountPoint.resolve("seen.txt").toString())
                        .stdoutText()).isEqualTo("through sshfs\n");

                // the lima.yaml handed to `limactl create`
                String limaYaml = Files.readString(f.limaHome.resolve(name).resolve("lima.yaml"));
                assertThat(limaYaml).contains("template:default", "mountType: reverse-sshfs",
                        "location: " + f.dir.resolve("src0"), "mountPoint: " + guestMountPoint);
            } finally {
                instance.close();
            }
            assertThat(instance.isRunning()).isFalse();
        }

        assertThat(f.fake.argLists()).containsExactly(
                List.of("--version"),
                List.of("list", "--json"),
                List.of("create", "--name=" + name, "--tty=false", tmp.resolve("work").resolve(name + ".yaml")
                        .toString()),
                List.of("start", "--tty=false", "--timeout=60s", name),
                List.of("list", "--json", name),
                List.of("list", "--json", name),
                List.of("stop", name),
                List.of("delete", "--force", name));
        assertThat(f.fake.invocations()).allSatisfy(call -> assertThat(call.limaHome())
                .isEqualTo(f.limaHome.toString()));
        assertThat(f.limaHome.resolve(name)).doesNotExist();
    }

    @Test
    void aDeclaredMountThatIsNotMountedFailsTheStartNamingIt() {
        String name = f.name("9p-0");
        ResolvedInstance spec = ContractFixture.spec(MountType.NINEP, f.mount(0, "/nonexistent-lima-junit", true));

        Throwable thrown = catchThrowable(() -> engine().start(spec, StartOptions.named(name)));

        assertThat(thrown).isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("instance \"" + name + "\" failed to start: mounts[0] (" + f.dir.resolve("src0")
                        + ") is not mounted: nothing is mounted at /nonexistent-lima-junit in the guest (expected 9p)")
                .hasMessageContaining("ha.stderr.log (last lines)");
        assertThat(targets).hasSize(1);
        assertThat(f.fake.argLists()).contains(List.of("stop", "-f", name), List.of("delete", "--force", name));
        assertThat(f.limaHome.resolve(name)).doesNotExist();
    }

    @Test
    void aMountOfAnotherFileSystemIsNotTakenForTheDeclaredOne() {
        String name = f.name("9p-1");
        ResolvedInstance spec = ContractFixture.spec(MountType.NINEP, f.mount(0, "/proc", false));

        Throwable thrown = catchThrowable(() -> engine().start(spec, StartOptions.named(name)));

        assertThat(thrown).isInstanceOf(InstanceStartException.class)
                .hasMessageContaining("mounts[0] (" + f.dir.resolve("src0")
                        + ") is not mounted as 9p: /proc/mounts shows"
                        + " proc (proc) at /proc, expected 9p");
        assertThat(f.limaHome.resolve(name)).doesNotExist();
    }
}
