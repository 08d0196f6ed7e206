package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.LimaVersion;
import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.engine.Engine;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.host.HostProbe;
import dev.limajunit.core.process.PathLookup;
import dev.limajunit.core.shell.ssh.SshGuestShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a real Lima installation: spec -> lima.yaml -> {@code limactl create}, {@code limactl start}, status and
 * SSH port from {@code limactl list --json}, a guest shell over that port with Lima's own key, and a check of every
 * declared mount in the guest's {@code /proc/mounts}. Closing the instance stops and deletes it, except an instance
 * kept for reuse ({@code ljreuse-...}), which {@link #attach} finds again in a later run.
 */
public final class LimactlEngine implements Engine {

    public static final String NAME = "limactl";

    private static final Logger LOG = LoggerFactory.getLogger(LimactlEngine.class);

    private final LimactlSettings settings;
    private final GuestShellConnector connector;
    private final LimaYamlWriter yamlWriter;
    /** The KVM-to-TCG QEMU wrapper limactl gets, once decided; null before. */
    private Optional<Path> tcgWrapper;
    /** LIMA_HOMEs already swept by this JVM: engines are created per template, the sweep is needed once. */
    private static final Set<Path> SWEPT_HOMES = ConcurrentHashMap.newKeySet();

    /** Lima as this process finds it: its PATH, its user, base and private-home choice from system properties. */
    public static LimactlEngine fromSystem() {
        return new LimactlEngine(LimactlSettings.fromSystem());
    }

    /** Connects to guests with the project's SSH shell. */
    public LimactlEngine(LimactlSettings settings) {
        this(settings, SshGuestShell::connect);
    }

    public LimactlEngine(LimactlSettings settings, GuestShellConnector connector) {
        this(settings, connector, new LimaYamlComposer());
    }

    public LimactlEngine(LimactlSettings settings, GuestShellConnector connector, LimaYamlWriter yamlWriter) {
        this.settings = settings;
        this.connector = connector;
        this.yamlWriter = yamlWriter;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> unavailableReason() {
        if (executable().isEmpty()) {
            return Optional.of("no limactl on PATH (" + settings.environment().getOrDefault("PATH", "")
                    + "): install Lima (https://lima-vm.io/docs/installation/), or use engine=qemu");
        }
        if (settings.hostUser().isRoot()) {
            return Optional.of(StartFailure.rootExplanation());
        }
        return Optional.empty();
    }

    /** The {@code limactl} this engine would run, if there is one on its PATH. */
    public Optional<Path> executable() {
        return PathLookup.of(settings.environment()).find("limactl").map(Path::toAbsolutePath);
    }

    /** The Lima version {@code limactl --version} reports. */
    public LimaVersion limaVersion() {
        LimactlResult result = commands(home(), settings.commandTimeout()).version();
        if (!result.succeeded()) {
            throw new LimactlException("`limactl --version` failed (exit " + result.exitCode() + "):\n"
                    + result.stderrTail(10), result);
        }
        return LimaVersion.parse(result.stdout());
    }

    /**
     * A name for a new instance of this run: {@code lj-SESSION-SUFFIX}, so a later run can sweep it if this one dies.
     */
    public String instanceName(String suffix) {
        return InstanceNames.of(settings.liveness().currentSession(), suffix);
    }

    /** The LIMA_HOME this engine uses. */
    public LimaHome home() {
        return LimaHomes.resolve(settings.environment(), settings.privateHome(), settings.liveness().currentSession());
    }

    @Override
    public Instance start(ResolvedInstance spec, StartOptions options) {
        unavailableReason().ifPresent(reason -> {
            throw new InstanceStartException("limactl engine cannot start \"" + options.name() + "\": " + reason);
        });
        String name = options.name();
        LimaHome home = preparedHome(name, spec);
        LimactlCommands commands = commands(home, settings.commandTimeout());
        requireSupportedVersion(name, spec, commands);
        try {
            sweepOnce(home, commands);
        } catch (LimactlException e) {
            SWEPT_HOMES.remove(home.dir());
            throw StartFailure.of(name, StartFailure.isRootRefusal(e.result()) ? StartFailure.rootExplanation()
                    : "the sweep of dead runs' instances could not list instances", e.result(), null, null);
        }
        return new LimactlBoot(settings, connector, commands, home, spec, options).fresh(writeLimaYaml(name, spec));
    }

    /** The LIMA_HOME for {@code name}, created when private, with the host user's access to it and the mounts. */
    private LimaHome preparedHome(String name, ResolvedInstance spec) {
        LimaHome home = home();
        try {
            InstanceNames.check(name);
            home.checkSocketPaths(name, settings.osName());
        } catch (IllegalArgumentException e) {
            throw new InstanceStartException(e.getMessage(), e);
        }
        if (home.isPrivate()) {
            try {
                Files.createDirectories(home.dir());
                if (settings.runsAsOtherUser()) {
                    HostAccess.own(home.dir(), settings.hostUser());
                }
            } catch (IOException e) {
                throw new InstanceStartException("cannot create the private LIMA_HOME " + home.dir() + ": "
                        + e.getMessage(), e);
            }
        }
        if (settings.runsAsOtherUser()) {
            try {
                HostAccess.grant(settings.hostUser(), spec.mounts());
            } catch (IllegalStateException e) {
                throw new InstanceStartException("limactl engine cannot start \"" + name + "\": " + e.getMessage(), e);
            }
        }
        return home;
    }

    /** Checks that this Lima runs at all and supports what {@code spec} asks for. */
    private void requireSupportedVersion(String name, ResolvedInstance spec, LimactlCommands commands) {
        LimactlResult versionResult = commands.version();
        if (!versionResult.succeeded()) {
            throw StartFailure.of(name, StartFailure.isRootRefusal(versionResult) ? StartFailure.rootExplanation()
                    : "`limactl --version` failed", versionResult, null, null);
        }
        LimaVersion lima = LimaVersion.parse(versionResult.stdout());
        List<String> violations = LimaVersionRules.violations(spec, lima, settings.osName());
        if (!violations.isEmpty()) {
            throw new InstanceStartException("limactl engine cannot start \"" + name + "\": "
                    + String.join("; ", violations));
        }
    }

    /**
     * Lima instances outlive the JVM, so they can be reused, unless this engine uses a private LIMA_HOME: that one
     * belongs to one session, and a later run would never look there.
     */
    @Override
    public boolean reusesAcrossRuns() {
        return !home().isPrivate();
    }

    /**
     * The instance {@code options.name()} that an earlier run left: a running one is used as it is, a stopped one is
     * started; then the shell is connected and every declared mount checked as {@link #start} does. One that does
     * not fit this spec (a mount missing, another host directory, a failed start) is deleted, so that the caller
     * starts a fresh one under the same name; none at all gives empty.
     */
    @Override
    public Optional<Instance> attach(ResolvedInstance spec, StartOptions options) {
        if (unavailableReason().isPresent() || !reusesAcrossRuns()) {
            return Optional.empty();
        }
        String name = options.name();
        try {
            InstanceNames.check(name);
        } catch (IllegalArgumentException e) {
            throw new InstanceStartException(e.getMessage(), e);
        }
        LimaHome home = home();
        LimactlCommands commands = commands(home, settings.commandTimeout());
        LimaInstanceStatus status = commands.list(name).orElse(null);
        if (status == null) {
            return Optional.empty();
        }
        return new LimactlBoot(settings, connector, commands, home, spec, options).kept(status)
                .map(Instance.class::cast);
    }

    private void sweepOnce(LimaHome home, LimactlCommands commands) {
        if (SWEPT_HOMES.add(home.dir())) {
            List<String> deleted = DeadRunSweep.run(commands, settings.liveness());
            if (!deleted.isEmpty()) {
                LOG.info("Deleted {} Lima instance(s) of dead runs: {}", deleted.size(), deleted);
            }
        }
    }

    private Path writeLimaYaml(String name, ResolvedInstance spec) {
        String text;
        try {
            text = yamlWriter.write(spec, settings.base());
        } catch (IllegalArgumentException e) {
            throw new InstanceStartException("limactl engine cannot start \"" + name + "\": " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(settings.workDir());
            Path file = settings.workDir().resolve(name + ".yaml");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the lima.yaml of " + name + " to " + settings.workDir(), e);
        }
    }

    /** limactl in this engine's LIMA_HOME, for tests that prepare or inspect instances directly. */
    LimactlCommands commands() {
        return commands(home(), settings.commandTimeout());
    }

    /** Runs the dead-run sweep now (a start runs it once per LIMA_HOME and JVM); the names it deleted. */
    List<String> sweepDeadRuns() {
        return DeadRunSweep.run(commands(), settings.liveness());
    }

    /** The lima.yaml this engine would create {@code name} from. */
    Path limaYaml(String name, ResolvedInstance spec) {
        return writeLimaYaml(name, spec);
    }

    private LimactlCommands commands(LimaHome home, Duration timeout) {
        Path executable = executable().orElseThrow(() -> new InstanceStartException(unavailableReason().orElseThrow()));
        Map<String, String> environment = new LinkedHashMap<>(settings.environment());
        environment.put("LIMA_HOME", home.dir().toString());
        tcgWrapper().ifPresent(wrapper -> environment.put(KvmToTcg.VARIABLE, wrapper.toString()));
        return new LimactlCommands(new Limactl(executable, environment, settings.launcher()), timeout);
    }

    /** Decided and written once per engine: every limactl command of it gets the same QEMU. */
    private synchronized Optional<Path> tcgWrapper() {
        if (tcgWrapper == null) {
            tcgWrapper = KvmToTcg.wrapperFor(settings.environment(), HostProbe::cached, settings.osName(),
                    settings.workDir());
        }
        return tcgWrapper;
    }
}
