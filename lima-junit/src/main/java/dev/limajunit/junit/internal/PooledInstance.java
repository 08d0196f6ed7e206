package dev.limajunit.junit.internal;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.ValidationIssue;
import dev.limajunit.core.engine.Engine;
import dev.limajunit.core.engine.EngineSelection;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.junit.LimaConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VM for one {@link InstanceRequest}, booted on first {@link #acquire()} and stopped by {@link #close()} (the
 * store closes it at the end of its scope). Boots at most once: a failed boot is remembered and rethrown to every
 * later class with the same spec instead of booting again. Thread safe.
 *
 * <p>Also a {@code CloseableResource}, so that a build with
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled=false} still stops it: JUnit calls one of the two.
 */
@SuppressWarnings("deprecation") // CloseableResource: honoured by 5.14 and 6.x when AutoCloseable closing is off
final class PooledInstance implements AutoCloseable,
        org.junit.jupiter.api.extension.ExtensionContext.Store.CloseableResource {

    private static final Logger LOG = LoggerFactory.getLogger(PooledInstance.class);

    /**
     * What a class got from the pool.
     *
     * @param instance  the running VM
     * @param bootedNow true for the class whose acquire booted it, false for every class that reuses it
     * @param took      the boot's duration (zero when reused)
     * @param notice    something the run should hear once (why {@code lima.reuse} is ignored), else {@code null}
     */
    record Acquired(Instance instance, boolean bootedNow, Duration took, String notice) {}

    private final InstanceRequest request;
    private final EngineSelection selection;
    private final LimaRun run;
    private final String suffix;
    private final List<Path> freshDirectories = new ArrayList<>();
    private Instance instance;
    private RuntimeException failure;
    private boolean closed;
    private volatile boolean testFailed;
    private String notice;

    /**
     * @param selection the engine the class's decision chose (available)
     * @param suffix    what makes the instance name unique in this run (the request's key, plus a counter when not
     *                  shared)
     */
    PooledInstance(InstanceRequest request, EngineSelection selection, LimaRun run, String suffix) {
        this.request = request;
        this.selection = selection;
        this.run = run;
        this.suffix = suffix;
    }

    InstanceRequest request() {
        return request;
    }

    /**
     * The running VM, booting it if this is the first call.
     *
     * @throws LimaConfigurationException when the spec breaks a rule (nothing boots)
     * @throws dev.limajunit.core.engine.InstanceStartException when the boot failed
     */
    synchronized Acquired acquire() {
        if (closed) {
            throw new IllegalStateException("instance for " + request.origin() + " was already stopped");
        }
        if (instance != null && !instance.isRunning()) {
            // The VM died under an earlier class (its tests failed saying so): later classes get a fresh one.
            LOG.warn("lima-junit: instance {} is no longer running; booting a fresh one for {}", instance.name(),
                    request.origin());
            try {
                instance.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the dead instance {} failed", instance.name(), e);
            }
            instance = null;
        }
        if (instance != null) {
            return new Acquired(instance, false, Duration.ZERO, null);
        }
        if (failure != null) {
            throw failure;
        }
        try {
            long started = System.nanoTime();
            instance = boot();
            Acquired acquired = new Acquired(instance, true, Duration.ofNanos(System.nanoTime() - started), notice);
            notice = null;
            return acquired;
        } catch (RuntimeException e) {
            failure = e;
            deleteFreshDirectories();
            throw e;
        }
    }

    /** The VM when it is running, else {@code null}; never boots. */
    synchronized Instance runningOrNull() {
        return instance;
    }

    /** A test that used this VM failed: with {@code lima.keepOnFailure} the VM is left running at close. */
    void markTestFailed() {
        testFailed = true;
    }

    private Instance boot() {
        ResolvedInstance resolved = resolve();
        Engine engine = selection.requireEngine();
        if (!request.template().isEmpty() && !"limactl".equals(engine.name())) {
            LOG.warn("lima-junit: {}: template \"{}\" is ignored by the {} engine (it boots its own guest)",
                    request.origin(), request.template(), engine.name());
        }
        boolean reuse = run.settings().reuse() && engine.reusesAcrossRuns();
        String name = reuse ? "ljreuse-" + request.key() : selection.instanceName(suffix);
        StartOptions options = StartOptions.named(name)
                .withStartTimeout(run.settings().scale(request.startTimeout()))
                .withProgress(new BootLog(request.origin()));
        if (reuse) {
            var attached = engine.attach(resolved, options);
            if (attached.isPresent()) {
                LOG.info("lima-junit: reusing instance {} left running by an earlier run ({})", name, request.origin());
                return attached.get();
            }
        } else if (run.settings().reuse() && run.firstReuseRefusal()) {
            notice = reuseRefusal(engine.name());
            LOG.warn("lima-junit: {}", notice);
        }
        LOG.info("lima-junit: booting instance {} with the {} engine for {} ({}; {} mount(s))", name, engine.name(),
                request.origin(), resolved.mountType(), resolved.mounts().size());
        run.bootGate().acquireUninterruptibly();
        try {
            return engine.start(resolved, options);
        } finally {
            run.bootGate().release();
        }
    }

    /** Why lima.reuse=true has no effect with this engine. */
    static String reuseRefusal(String engine) {
        if ("qemu".equals(engine)) {
            return "lima.reuse=true has no effect with the qemu engine: its VMs end with the JVM by design (the"
                    + " crash-safe cleanup kills every process of a dead run), so they cannot be reused across runs;"
                    + " this run boots fresh VMs. Use the limactl engine to reuse VMs across runs.";
        }
        return "lima.reuse=true has no effect with the " + engine + " engine: it cannot keep instances across runs"
                + " (for limactl: a private LIMA_HOME, lima.limactl.privateHome, belongs to one run); this run boots"
                + " fresh VMs.";
    }

    /**
     * Makes the fresh temporary directories, then applies Lima's defaults and rules; nothing boots on a broken rule.
     */
    private ResolvedInstance resolve() {
        Map<Integer, Path> fresh = new HashMap<>();
        for (int index : request.freshMounts()) {
            fresh.put(index, freshDirectory());
        }
        for (ValidationIssue warning : SpecValidation.warnings(request, run.facts(), fresh::get)) {
            LOG.warn("lima-junit: {}: {}", request.origin(), warning.message());
        }
        return SpecValidation.resolve(request, run.facts(), fresh::get);
    }

    private Path freshDirectory() {
        try {
            Path dir = Files.createTempDirectory("lima-junit-");
            freshDirectories.add(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory to mount: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (instance == null) {
            deleteFreshDirectories();
            return;
        }
        if (testFailed && run.settings().keepOnFailure()) {
            LOG.warn("lima-junit: lima.keepOnFailure: left instance {} running after a failed test; {}",
                    instance.name(), ConnectHint.of(instance));
            return;
        }
        if (run.settings().reuse() && instance.name().startsWith("ljreuse-")) {
            // the engine closes only this JVM's shell and leaves the instance running for the next run; the fresh
            // directories stay because the kept instance still mounts them
            LOG.info("lima-junit: lima.reuse: left instance {} running for the next run", instance.name());
            instance.close();
            return;
        }
        try {
            instance.close();
        } finally {
            deleteFreshDirectories();
        }
    }

    private void deleteFreshDirectories() {
        for (Path dir : freshDirectories) {
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                LOG.warn("lima-junit: could not delete the temporary mount directory {}: {}", dir, e.getMessage());
            }
        }
        freshDirectories.clear();
    }
}
