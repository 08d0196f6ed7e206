package dev.limajunit.core.engine.limactl;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param launcher       the command that runs limactl as {@code hostUser} when that is not this process's account
 *                       ({@code runuser -u NAME --} as root, {@code sudo -n ... -u NAME --} otherwise); empty when
 *                       it is
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
        List<String> launcher,
        String osName,
        RunLiveness liveness,
        Path workDir,
        Duration commandTimeout) {

    /** System property: {@code default}, {@code template:NAME} or a lima.yaml path. */
    public static final String BASE_PROPERTY = "lima.limactl.base";
    /** System property: {@code true} runs under a private short LIMA_HOME. */
    public static final String PRIVATE_HOME_PROPERTY = "lima.limactl.privateHome";
    /** System property (or {@code LIMA_JUNIT_LIMACTL}): the limactl to run, instead of the one on PATH. */
    public static final String PATH_PROPERTY = "lima.limactl.path";
    /** System property (or {@code LIMA_JUNIT_LIMACTL_USER}): the account limactl runs as (Lima refuses root). */
    public static final String USER_PROPERTY = "lima.limactl.user";

    public LimactlSettings {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(hostUser, "hostUser");
        launcher = List.copyOf(launcher);
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(liveness, "liveness");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /**
     * This process's environment and user, the base and private-home choice from system properties; with
     * {@code lima.limactl.user} another account, whose {@code HOME} (and so default {@code LIMA_HOME}) limactl gets.
     */
    public static LimactlSettings fromSystem() {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "lima-junit-" + System.getProperty("user.name"));
        Map<String, String> environment = new LinkedHashMap<>(System.getenv());
        String limactl = setting(PATH_PROPERTY, "LIMA_JUNIT_LIMACTL");
        if (limactl != null) {
            Path dir = Path.of(limactl).toAbsolutePath().getParent();
            environment.merge("PATH", dir.toString(), (path, first) -> first + File.pathSeparator + path);
        }
        HostUser self = HostUser.current();
        String name = setting(USER_PROPERTY, "LIMA_JUNIT_LIMACTL_USER");
        HostUser user = self;
        List<String> launcher = List.of();
        if (name != null && !name.equals(self.name())) {
            user = HostUser.named(name);
            launcher = self.isRoot() ? List.of("runuser", "-u", name, "--")
                    : List.of("sudo", "-n", "--preserve-env=LIMA_HOME,QEMU_SYSTEM_X86_64,PATH", "-u", name, "--");
            environment.put("HOME", user.home().toString());
            environment.put("USER", name);
            environment.put("LOGNAME", name);
            environment.remove("XDG_RUNTIME_DIR"); // this process's, not the other account's
        }
        return new LimactlSettings(
                environment,
                LimaBase.parse(setting(BASE_PROPERTY, "LIMA_JUNIT_LIMACTL_BASE")),
                Boolean.parseBoolean(System.getProperty(PRIVATE_HOME_PROPERTY, "false")),
                user,
                launcher,
                System.getProperty("os.name"),
                SessionLocks.jvmSession(),
                shared.resolve("limactl"),
                Duration.ofMinutes(2));
    }

    /** Whether limactl runs as another account than this process's. */
    public boolean runsAsOtherUser() {
        return !launcher.isEmpty();
    }

    private static String setting(String property, String environmentVariable) {
        String value = System.getProperty(property, System.getenv(environmentVariable));
        return value == null || value.isBlank() ? null : value.strip();
    }

    public LimactlSettings withEnvironment(Map<String, String> value) {
        return new LimactlSettings(
                value, base, privateHome, hostUser, launcher, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withBase(LimaBase value) {
        return new LimactlSettings(
                environment, value, privateHome, hostUser, launcher, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withPrivateHome(boolean value) {
        return new LimactlSettings(
                environment, base, value, hostUser, launcher, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withHostUser(HostUser value) {
        return new LimactlSettings(
                environment, base, privateHome, value, launcher, osName, liveness, workDir, commandTimeout);
    }

    public LimactlSettings withLiveness(RunLiveness value) {
        return new LimactlSettings(
                environment, base, privateHome, hostUser, launcher, osName, value, workDir, commandTimeout);
    }

    public LimactlSettings withWorkDir(Path value) {
        return new LimactlSettings(
                environment, base, privateHome, hostUser, launcher, osName, liveness, value, commandTimeout);
    }

    public LimactlSettings withCommandTimeout(Duration value) {
        return new LimactlSettings(
                environment, base, privateHome, hostUser, launcher, osName, liveness, workDir, value);
    }
}
