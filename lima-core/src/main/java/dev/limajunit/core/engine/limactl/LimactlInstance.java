package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Lima instance. Closing it stops it ({@code limactl stop}, forced if that fails) and deletes it; an
 * instance kept for reuse ({@code ljreuse-...}) only loses this JVM's shell and stays running for the next run.
 */
final class LimactlInstance implements Instance {

    private static final Logger LOG = LoggerFactory.getLogger(LimactlInstance.class);

    private final String name;
    private final ResolvedInstance spec;
    private final GuestShell shell;
    private final List<MountedDirectory> mounts;
    private final Map<String, Long> phases;
    private final InstanceLogs logs;
    private final LimactlCommands commands;
    private final LimaHome home;
    private final AtomicBoolean closed = new AtomicBoolean();

    LimactlInstance(String name, ResolvedInstance spec, GuestShell shell, List<MountedDirectory> mounts,
            Map<String, Long> phases, InstanceLogs logs, LimactlCommands commands, LimaHome home) {
        this.name = name;
        this.spec = spec;
        this.shell = shell;
        this.mounts = List.copyOf(mounts);
        // in boot order, as Instance.bootPhases() promises (Map.copyOf would lose it)
        this.phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
        this.logs = logs;
        this.commands = commands;
        this.home = home;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String engineName() {
        return LimactlEngine.NAME;
    }

    @Override
    public ResolvedInstance spec() {
        return spec;
    }

    @Override
    public GuestShell shell() {
        return shell;
    }

    @Override
    public List<MountedDirectory> mounts() {
        return mounts;
    }

    @Override
    public Map<String, Long> bootPhases() {
        return new LinkedHashMap<>(phases);
    }

    @Override
    public Map<String, Path> diagnosticFiles() {
        return logs.existingFiles();
    }

    @Override
    public boolean isRunning() {
        return !closed.get() && commands.list(name).map(LimaInstanceStatus::running).orElse(false);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (InstanceNames.isReusable(name)) {
            shell.close();
            LOG.info("Left Lima instance {} running for reuse by a later run", name);
            return;
        }
        try {
            shell.close();
        } finally {
            LimactlResult stop = commands.stop(name);
            if (!stop.succeeded()) {
                LOG.warn("`{}` failed ({}); forcing", stop.commandLine(), stop.stderrTail(3));
                commands.stopForce(name);
            }
            LimactlResult delete = commands.deleteForce(name);
            if (!delete.succeeded()) {
                LOG.warn("`{}` failed: {}", delete.commandLine(), delete.stderrTail(5));
            }
            removePrivateHomeIfEmpty(home);
        }
    }

    /** A private LIMA_HOME goes once it holds no instance (Lima keeps its own things in '_' directories). */
    static void removePrivateHomeIfEmpty(LimaHome home) {
        if (!home.isPrivate() || !Files.isDirectory(home.dir())) {
            return;
        }
        try (Stream<Path> entries = Files.list(home.dir())) {
            if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("_"))) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        try (Stream<Path> all = Files.walk(home.dir())) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not remove the private LIMA_HOME {}: {}", home.dir(), e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "limactl instance " + name + " (" + spec.mountType() + ")";
    }
}
