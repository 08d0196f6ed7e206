package dev.limajunit.core.engine.limactl;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the limactl engine drives Lima.
 *
 * @param environment    the environment limactl runs with; {@code limactl} is looked up on its {@code PATH}
 * @param base           what the generated lima.yaml starts from
 * @param privateHome    run everything under a short private {@code LIMA_HOME} ({@code /tmp/lj-SESSION}) instead
 *                       of the user's ({@code $LIMA_HOME} or {@code ~/.lima})
 * @param hostUser       the account limactl runs as; Lima logs into the guest under the same name
 * @param osName         the host OS ({@code os.name}), for the unix socket path limit
 * @param liveness       tells this run's instances from leftovers of dead runs
 * @param workDir        where generated lima.yaml files and the logs of failed starts are kept
 * @param commandTimeout how long create, list, stop and delete may take
 */
public record LimactlSettings(
        Map<String, String> environment,
        LimaBase base,
        boolean privateHome,
        HostUser hostUser,
        String osName,
        RunLiveness liveness,
        Path workDir,
        Duration commandTimeout) {

    /** System property: {@code default}, {@code template:NAME} or a lima.yaml path. */
    public static final String BASE_PROPERTY = "lima.limactl.base";
    /** System property: {@code true} runs under a private short LIMA_HOME. */
    public static final String PRIVATE_HOME_PROPERTY = "lima.limactl.privateHome";

    public LimactlSettings {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(hostUser, "hostUser");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(liveness, "liveness");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /** This process's environment and user, the base and private-home choice from system properties. */
    public static LimactlSettings fromSystem() {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "lima-junit-" + System.getProperty("user.name"));
        return new LimactlSettings(
                System.getenv(),
                LimaBase.parse(System.getProperty(BASE_PROPERTY)),
                Boolean.parseBoolean(System.getProperty(PRIVATE_HOME_PROPERTY, "false")),
                HostUser.current(),
                System.getProperty("os.name"),
                SessionLocks.jvmSession(),
                shared.resolve("limactl"),
                Duration.ofMinutes(2));
    }

    public LimactlSettings withEnvironment(Map<String, String> value) {
        return new LimactlSettings(value, base, privateHome, hostUser, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withBase(LimaBase value) {
        return new LimactlSettings(environment, value, privateHome, hostUser, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withPrivateHome(boolean value) {
        return new LimactlSettings(environment, base, value, hostUser, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withHostUser(HostUser value) {
        return new LimactlSettings(environment, base, privateHome, value, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withLiveness(RunLiveness value) {
        return new LimactlSettings(environment, base, privateHome, hostUser, osName, value, workDir, commandTimeout);
    }

    public LimactlSettings withWorkDir(Path value) {
        return new LimactlSettings(environment, base, privateHome, hostUser, osName, liveness, value, commandTimeout);
    }

    public LimactlSettings withCommandTimeout(Duration value) {
        return new LimactlSettings(environment, base, privateHome, hostUser, osName, liveness, workDir, value);
    }
}
