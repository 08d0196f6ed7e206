package dev.limajunit.core.engine.qemu;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.host.Virtiofsd;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.process.ManagedProcess;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.SshTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** A guest booted by the {@link QemuEngine}: the QEMU process, its helpers, the shell and the verified mounts. */
public final class QemuInstance implements Instance {

    private final String name;
    private final ResolvedInstance spec;
    private final ManagedProcess qemu;
    private final GuestShell shell;
    private final GuestShell rootShell;
    private final SshTarget sshTarget;
    private final List<MountWiring> wirings;
    private final List<MountedDirectory> mounts;
    private final Map<String, Long> bootPhases;
    private final Map<String, Path> diagnostics;
    private final InotifyForwarder inotify;
    private final AtomicBoolean closed = new AtomicBoolean();

    QemuInstance(String name, ResolvedInstance spec, ManagedProcess qemu, GuestShell shell, GuestShell rootShell,
                 SshTarget sshTarget, List<MountWiring> wirings, List<MountedDirectory> mounts,
                 Map<String, Long> bootPhases, Map<String, Path> diagnostics, InotifyForwarder inotify) {
        this.name = name;
        this.spec = spec;
        this.qemu = qemu;
        this.shell = shell;
        this.rootShell = rootShell;
        this.sshTarget = sshTarget;
        this.wirings = List.copyOf(wirings);
        this.mounts = List.copyOf(mounts);
        this.bootPhases = Collections.unmodifiableMap(new LinkedHashMap<>(bootPhases));
        this.diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        this.inotify = inotify;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String engineName() {
        return QemuEngine.NAME;
    }

    /** With mountInotify, the guest's events come from {@link InotifyForwarder}, not from Lima's host agent. */
    @Override
    public String provenance() {
        return inotify == null ? engineName() : engineName() + ", " + InotifyForwarder.PROVENANCE;
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
        return bootPhases;
    }

    @Override
    public Map<String, Path> diagnosticFiles() {
        return diagnostics;
    }

    /** Root's session: the engine's own work, whoever the tests act as. */
    GuestShell rootShell() {
        return rootShell;
    }

    /** Where the guest's sshd is reached (a port forwarded on 127.0.0.1), as which user and with which key. */
    public SshTarget sshTarget() {
        return sshTarget;
    }

    /**
     * The mountInotify forwarder, when the spec asked for it: its latencies show how fast host changes reach the guest.
     */
    public Optional<InotifyForwarder> inotifyForwarder() {
        return Optional.ofNullable(inotify);
    }

    @Override
    public Optional<Virtiofsd> virtiofsd() {
        return wirings.stream().filter(VirtiofsMount.class::isInstance)
                .map(w -> ((VirtiofsMount) w).virtiofsd()).findFirst();
    }

    @Override
    public boolean isRunning() {
        return qemu.isAlive();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<AutoCloseable> order = new ArrayList<>();
        if (inotify != null) {
            order.add(inotify);
        }
        order.addAll(wirings.stream().filter(w -> w instanceof ReverseSshfsMount).toList()); // they need the shell
        order.add(shell);
        order.add(rootShell);
        order.add(qemu);
        order.addAll(wirings.stream().filter(w -> !(w instanceof ReverseSshfsMount)).toList());
        closeAll(order);
    }

    static void closeAll(List<? extends AutoCloseable> resources) {
        RuntimeException first = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("stopping " + resource + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "qemu instance " + name + " (" + sshTarget + ")";
    }
}
