package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ResolvedMount;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.support.BootPhases;
import dev.limajunit.core.engine.support.GuestMountCheck;
import dev.limajunit.core.engine.support.GuestMountTable;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.HostKeyPolicy;
import dev.limajunit.core.shell.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of one Lima instance, phase by phase, as {@code QemuBoot} is for the qemu engine: {@code limactl create}
 * and {@code start} (a fresh instance) or {@code start} when stopped (one kept by an earlier run), then Lima's SSH
 * endpoint from {@code limactl list --json}, a guest shell, and a check of every declared mount in the guest's
 * {@code /proc/mounts}. A fresh instance that fails is stopped and deleted with its logs kept; a kept one that does
 * not fit is deleted, so that a fresh one can take its name.
 */
final class LimactlBoot {

    private static final Logger LOG = LoggerFactory.getLogger(LimactlBoot.class);

    private final LimactlSettings settings;
    private final GuestShellConnector connector;
    private final LimactlCommands commands;
    private final LimaHome home;
    private final ResolvedInstance spec;
    private final StartOptions options;
    private final String name;
    private final BootPhases phases;

    LimactlBoot(LimactlSettings settings, GuestShellConnector connector, LimactlCommands commands, LimaHome home,
                ResolvedInstance spec, StartOptions options) {
        this.settings = settings;
        this.connector = connector;
        this.commands = commands;
        this.home = home;
        this.spec = spec;
        this.options = options;
        this.name = options.name();
        this.phases = new BootPhases(name, options.progress());
    }

    /** Creates and starts a fresh instance from {@code limaYaml}; a failure stops and deletes it, keeping its logs. */
    LimactlInstance fresh(Path limaYaml) {
        try {
            long t = System.nanoTime();
            LimactlResult create = commands.create(name, limaYaml);
            phases.done("create", t);
            if (!create.succeeded()) {
                throw new StepFailure(StartFailure.isRootRefusal(create) ? StartFailure.rootExplanation()
                        : "`limactl create` exited with status " + create.exitCode(), create);
            }
            return up(started());
        } catch (StepFailure failure) {
            throw failAndClean(failure);
        }
    }

    /**
     * The instance an earlier run kept, as it is when running, else started; empty (after deleting it) when it does
     * not fit this spec or does not come up.
     */
    Optional<LimactlInstance> kept(LimaInstanceStatus status) {
        try {
            otherHostDirectory().ifPresent(reason -> {
                throw new StepFailure(reason, null);
            });
            return Optional.of(up(status.running() ? status : started()));
        } catch (StepFailure failure) {
            discard(failure.getMessage() + (failure.command == null ? "" : ": " + failure.command.stderrTail(5)));
            return Optional.empty();
        }
    }

    /** {@code limactl start} (phase start), and the running instance's status. */
    private LimaInstanceStatus started() {
        long t = System.nanoTime();
        LimactlResult start = commands.start(name, options.startTimeout());
        phases.done("start", t);
        if (!start.succeeded()) {
            throw new StepFailure(StartFailure.classify(start, options.startTimeout()), start);
        }
        LimaInstanceStatus status = commands.list(name).orElse(null);
        if (status == null || !status.running() || status.sshLocalPort() <= 0) {
            throw new StepFailure("Lima said READY, but " + (status == null
                    ? "`limactl list --json " + name + "` does not list it"
                    : "`limactl list --json` reports status " + status.status() + " and sshLocalPort "
                            + status.sshLocalPort() + (status.errors().isEmpty() ? "" : ", errors " + status.errors())),
                    null);
        }
        return status;
    }

    /** The shell (phase ssh) and the mount check (phase mounts) of a running instance. */
    private LimactlInstance up(LimaInstanceStatus status) {
        long t = System.nanoTime();
        GuestShell shell;
        try {
            shell = connect(status);
        } catch (RuntimeException e) {
            throw new StepFailure("no SSH session to the guest on " + status.sshAddress() + ":"
                    + status.sshLocalPort() + " as " + guestUser(status) + " with key " + home.userPrivateKey() + ": "
                    + e.getMessage(), null);
        }
        phases.done("ssh", t);

        t = System.nanoTime();
        List<String> problems;
        try {
            problems = GuestMountCheck.problems(GuestMountTable.read(shell), spec.mountType(), spec.mounts());
        } catch (RuntimeException e) {
            problems = List.of("cannot read the guest's /proc/mounts: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            shell.close();
            throw new StepFailure(String.join("; ", problems), null);
        }
        phases.done("mounts", t);
        return new LimactlInstance(name, spec, shell, mountedDirectories(shell), phases.millis(),
                new InstanceLogs(home.instanceDir(name)), commands, home);
    }

    /** Lima's own SSH endpoint and key; Lima checks no host key on its loopback port, and neither do we. */
    private GuestShell connect(LimaInstanceStatus status) {
        SshTarget target = new SshTarget(status.sshAddress(), status.sshLocalPort(), guestUser(status),
                home.userPrivateKey(), HostKeyPolicy.acceptAnyOnLoopback());
        return connector.connect(target, Duration.ofSeconds(Math.max(30, options.startTimeout().toSeconds() / 2)));
    }

    /** Lima's guest user: the effective config's, else the host user's name (Lima's default). */
    private String guestUser(LimaInstanceStatus status) {
        String configured = status.guestUser();
        return configured == null || configured.isBlank() ? settings.hostUser().name() : configured;
    }

    private List<MountedDirectory> mountedDirectories(GuestShell shell) {
        List<MountedDirectory> mounted = new ArrayList<>();
        for (ResolvedMount mount : spec.mounts()) {
            mounted.add(new MountedDirectory(mount, spec.mountType(), mount.location(),
                    GuestPath.of(mount.mountPoint()), shell));
        }
        return mounted;
    }

    /**
     * Which declared host directory the kept instance does not mount, from its lima.yaml; empty when it mounts them
     * all. The guest's /proc/mounts shows mount points, not which host directory is behind them.
     */
    private Optional<String> otherHostDirectory() {
        String limaYaml;
        try {
            limaYaml = Files.readString(home.instanceDir(name).resolve("lima.yaml"));
        } catch (IOException e) {
            return Optional.of("its lima.yaml cannot be read: " + e.getMessage());
        }
        for (ResolvedMount mount : spec.mounts()) {
            if (!limaYaml.contains(mount.location().toString())) {
                return Optional.of("mounts[" + mount.index() + "] " + mount.location() + " is not in its lima.yaml");
            }
        }
        return Optional.empty();
    }

    /** A kept instance that does not fit: deleted, so a fresh one can take its name. */
    private void discard(String why) {
        LOG.warn("Lima instance {} kept by an earlier run cannot be reused ({}); deleting it to start a fresh one",
                name, why);
        commands.stopForce(name);
        LimactlResult delete = commands.deleteForce(name);
        if (!delete.succeeded()) {
            throw new InstanceStartException("cannot delete the unusable kept instance \"" + name + "\" ("
                    + why + "): `" + delete.commandLine() + "` failed: " + delete.stderrTail(5));
        }
    }

    /** A fresh instance that failed: its logs kept, then stopped and deleted. */
    private InstanceStartException failAndClean(StepFailure failure) {
        InstanceLogs logs = new InstanceLogs(home.instanceDir(name));
        Path kept = StartFailure.keepLogs(logs, settings.workDir().resolve("failed").resolve(name));
        InstanceStartException error = StartFailure.of(name, failure.getMessage(), failure.command, logs, kept);
        LimactlResult stop = commands.stopForce(name);
        LimactlResult delete = commands.deleteForce(name);
        if (!delete.succeeded() && Files.exists(home.instanceDir(name))) {
            error.addSuppressed(new LimactlException("cleanup `" + delete.commandLine() + "` failed after `"
                    + stop.commandLine() + "`: " + delete.stderrTail(5), delete));
        }
        LimactlInstance.removePrivateHomeIfEmpty(home);
        return error;
    }

    /** A step that did not work: why, and the limactl command whose output says more (or null). */
    private static final class StepFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient LimactlResult command;

        StepFailure(String reason, LimactlResult command) {
            super(reason, null, false, false);
            this.command = command;
        }
    }
}
