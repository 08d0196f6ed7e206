package dev.limajunit.core.engine.limactl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.host.HostProbe;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.ExecRoundTrip;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The core mount checks against a real Lima: for each mount type this host supports, start an instance through
 * {@code limactl} with a writable and a read-only mount, and check that host files are visible in the guest, guest
 * writes reach the host, and the read-only mount refuses writes. Runs whenever a real {@code limactl} is found
 * ({@code lima.limactl.path} or PATH: macOS and Linux developer machines, CI after bin/install-lima); skipped, with
 * the reason in the report, elsewhere, and failed instead when {@code lima.require} names the limactl engine.
 */
class LimactlEngineIT {

    @TempDir
    static Path tmp;

    private static LimactlEngine engine;

    @BeforeAll
    static void realLimaOnly() {
        engine = RealLima.engineOrSkip();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MountType.class, names = {"REVERSE_SSHFS", "NINEP", "VIRTIOFS"})
    void hostAndGuestSeeTheSameFiles(MountType type) throws Exception {
        String selected = System.getProperty("lima.mountTypes", "").strip();
        Assumptions.assumeTrue(selected.isEmpty() || Arrays.asList(selected.split("\\s*,\\s*"))
                .contains(type.yamlName()), () -> type + " is not in -Dlima.mountTypes=" + selected);
        Path rw = Files.createDirectories(tmp.resolve(type.yamlName() + "-rw"));
        Path ro = Files.createDirectories(tmp.resolve(type.yamlName() + "-ro"));
        Files.writeString(rw.resolve("from-host.txt"), "written on the host\n");
        Files.writeString(ro.resolve("read-only.txt"), "read only\n");
        InstanceSpec written = InstanceSpec.of(type,
                MountSpec.of(rw.toString()).withMountPoint("/mnt/lima-junit/rw").withWritable(true),
                MountSpec.of(ro.toString()).withMountPoint("/mnt/lima-junit/ro").withWritable(false));
        SpecResolver resolver = new SpecResolver(HostProbe.cached());
        Optional<String> unsupported = resolver.unsupportedReason(written);
        Assumptions.assumeTrue(unsupported.isEmpty(), () -> type + " is not supported on this host: "
                + unsupported.orElseThrow());
        ResolvedInstance spec = resolver.resolve(written);

        Duration timeout = RealLima.bootTimeout();
        String name = engine.instanceName(type.yamlName().replace("9p", "ninep"));
        try (Instance instance = engine.start(spec, StartOptions.named(name).withStartTimeout(timeout))) {
            ExecRoundTrip.report("limactl engine, " + type.yamlName() + ", as "
                    + instance.shell().execChecked("id", "-un").stdoutText().strip(), instance.shell());
            MountedDirectory writable = instance.mounts().get(0);
            MountedDirectory readOnly = instance.mounts().get(1);

            assertThat(instance.shell().execChecked("cat", writable.guest("from-host.txt").value()).stdoutText())
                    .isEqualTo("written on the host\n");
            assertThat(instance.shell().execChecked("cat", readOnly.guest("read-only.txt").value()).stdoutText())
                    .isEqualTo("read only\n");

            instance.shell().execChecked("sh", "-c", "echo written in the guest > " + writable.guest("from-guest.txt")
                    .value());
            await("the guest's write on the host").atMost(Duration.ofSeconds(30))
                    .until(() -> Files.exists(rw.resolve("from-guest.txt"))
                            && Files.readString(rw.resolve("from-guest.txt")).equals("written in the guest\n"));

            ExecResult denied = instance.shell().exec("touch", readOnly.guest("denied.txt").value());
            assertThat(denied.exitCode()).as("touch on the read-only mount").isNotZero();
            assertThat(ro.resolve("denied.txt")).doesNotExist();
        }
    }
}
