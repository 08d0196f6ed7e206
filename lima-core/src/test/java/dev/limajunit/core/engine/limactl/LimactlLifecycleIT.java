package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.LimaVersion;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.NinePOptions;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.host.HostProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the contract tests show against the stand-in, shown once against real Lima (on the first type of
 * {@code -Dlima.mountTypes}, else 9p): the version rules read limactl's own version, a start that runs past its timeout
 * fails with Lima's logs and leaves nothing, a mount Lima could not mount is named, an instance kept with
 * {@code lima.reuse} is found again by a later run without a boot, and the sweep deletes what a dead run left. Same
 * gate as {@link LimactlEngineIT}.
 */
class LimactlLifecycleIT {

    @TempDir
    static Path tmp;

    private static LimactlEngine engine;
    private static final String KEPT = "ljreuse-" + SessionLocks.randomId(12);
    private static final MountType TYPE = firstSelectedType();

    @BeforeAll
    static void realLimaOnly() {
        engine = RealLima.engineOrSkip();
    }

    @AfterAll
    static void deleteTheKeptInstance() {
        if (engine != null) {
            engine.commands().stopForce(KEPT);
            engine.commands().deleteForce(KEPT);
        }
    }

    @Test
    void theVersionRulesReadLimasOwnVersion() {
        LimaVersion version = engine.limaVersion();

        // CI pins the Lima it builds (bin/install-lima); elsewhere (Homebrew, a release) any Lima 1.x or later.
        String expected = System.getProperty("lima.limactl.expectVersion", "");
        if (expected.isEmpty()) {
            assertThat(version.isAtLeast(1, 0)).as("limactl --version: " + version + " is 1.0 or later").isTrue();
        } else {
            assertThat(version).as("limactl --version").hasToString(expected);
        }
        for (MountType type : List.of(MountType.NINEP, MountType.VIRTIOFS, MountType.REVERSE_SSHFS)) {
            assertThat(LimaVersionRules.violations(specOf(type, true), version, "Linux")).as(type.yamlName())
                    .isEmpty();
        }
        assertThat(LimaVersionRules.violations(specOf(MountType.NINEP, true), LimaVersion.of(0, 20), "Linux"))
                .containsExactly("mountInotify needs Lima 0.21 or later, but limactl is 0.20.0");
    }

    @Test
    void aStartPastItsTimeoutFailsWithLimasLogsAndLeavesNothing() {
        String name = engine.instanceName("timeout");

        InstanceStartException e = catchThrowableOfType(InstanceStartException.class,
                () -> engine.start(spec(false), StartOptions.named(name)
                        .withStartTimeout(Duration.ofSeconds(20))).close());

        assertThat(e).as("a 20 s start timeout under TCG").isNotNull();
        assertThat(e).hasMessageContaining("did not become ready within the start timeout of 20 s")
                .hasMessageContaining("ha.stderr.log")
                .hasMessageContaining("logs are kept in");
        assertThat(engine.commands().list(name)).as("the instance after the failed start").isEmpty();
    }

    /**
     * protocolVersion 9p2000: QEMU's 9p server refuses the legacy protocol; Lima mounts with nofail and reaches READY
     * without the mount, and the engine's /proc/mounts check names it.
     */
    @Test
    void aMountLimaCouldNotMountIsNamed() throws Exception {
        Assumptions.assumeTrue(TYPE == MountType.NINEP, () -> "9p is not this run's type (" + TYPE.yamlName() + ")");
        Path legacy = Files.createDirectories(tmp.resolve("legacy"));
        InstanceSpec written = InstanceSpec.of(MountType.NINEP, MountSpec.of(legacy.toString())
                .withMountPoint("/mnt/lima-junit/legacy").withWritable(true)
                .withNineP(new NinePOptions(null, "9p2000", null, null)));
        String name = engine.instanceName("legacy9p");

        InstanceStartException e = catchThrowableOfType(InstanceStartException.class,
                () -> engine.start(resolve(written), StartOptions.named(name)
                        .withStartTimeout(RealLima.bootTimeout())).close());

        assertThat(e).as("the start with a 9p2000 mount").isNotNull();
        assertThat(e).hasMessageContaining("mounts[0] (" + legacy + ") is not mounted: nothing is mounted at"
                + " /mnt/lima-junit/legacy in the guest (expected 9p)");
        assertThat(engine.commands().list(name)).as("the instance after the failed start").isEmpty();
    }

    @Test
    void aKeptInstanceIsFoundAgainByALaterRunWithoutABoot() throws Exception {
        ResolvedInstance spec = spec(false);
        try (Instance first = engine.start(spec, StartOptions.named(KEPT).withStartTimeout(RealLima.bootTimeout()))) {
            first.shell().execChecked("sh", "-c", "echo kept > /tmp/lima-junit-kept");
        }
        assertThat(engine.commands().list(KEPT)).as("kept after close").hasValueSatisfying(
                status -> assertThat(status.running()).isTrue());

        // A later run: another session, another engine, the same LIMA_HOME.
        LimactlEngine laterRun = new LimactlEngine(LimactlSettings.fromSystem()
                .withLiveness(SessionLocks.start(tmp.resolve("later-run"))));
        Optional<Instance> attached = laterRun.attach(spec, StartOptions.named(KEPT)
                .withStartTimeout(RealLima.bootTimeout()));

        assertThat(attached).as("attach to " + KEPT).isPresent();
        try (Instance second = attached.get()) {
            assertThat(second.bootPhases()).as("phases of the attach").doesNotContainKey("start");
            assertThat(second.shell().execChecked("cat", "/tmp/lima-junit-kept").stdoutText()).isEqualTo("kept\n");
        }
    }

    @Test
    void theSweepDeletesWhatADeadRunLeftAndNothingElse() {
        String dead = InstanceNames.of(SessionLocks.randomId(8), "1");
        Path yaml = engine.limaYaml(dead, spec(false));
        LimactlResult create = engine.commands().create(dead, yaml);
        assertThat(create.succeeded()).as("limactl create " + dead + ": " + create.stderrTail(5)).isTrue();
        String ours = engine.instanceName("alive");
        LimactlResult createOurs = engine.commands().create(ours, engine.limaYaml(ours, spec(false)));
        assertThat(createOurs.succeeded()).as("limactl create " + ours).isTrue();
        try {
            List<String> deleted = engine.sweepDeadRuns();

            assertThat(deleted).contains(dead).doesNotContain(ours, KEPT);
            assertThat(engine.commands().list(dead)).isEmpty();
            assertThat(engine.commands().list(ours)).isPresent();
        } finally {
            engine.commands().deleteForce(dead);
            engine.commands().deleteForce(ours);
        }
    }

    /** The first type of {@code -Dlima.mountTypes}, else 9p. */
    private static MountType firstSelectedType() {
        String first = System.getProperty("lima.mountTypes", "").split(",")[0].strip();
        return MountType.fromYaml(first.isEmpty() ? "9p" : first);
    }

    private static ResolvedInstance spec(boolean mountInotify) {
        return specOf(TYPE, mountInotify);
    }

    private static ResolvedInstance specOf(MountType type, boolean mountInotify) {
        try {
            Path dir = Files.createDirectories(tmp.resolve(type.yamlName()));
            return resolve(InstanceSpec.of(type, MountSpec.of(dir.toString()).withMountPoint("/mnt/lima-junit/rw")
                    .withWritable(true)).withMountInotify(mountInotify));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResolvedInstance resolve(InstanceSpec written) {
        return new SpecResolver(HostProbe.cached()).resolve(written);
    }
}
