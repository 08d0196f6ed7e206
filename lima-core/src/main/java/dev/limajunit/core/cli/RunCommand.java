package dev.limajunit.core.cli;

import dev.limajunit.core.config.ResolvedInstance;
import dev.limajunit.core.config.SpecResolver;
import dev.limajunit.core.engine.InstanceStartException;
import dev.limajunit.core.engine.StartOptions;
import dev.limajunit.core.engine.qemu.QemuEngine;
import dev.limajunit.core.engine.qemu.QemuInstance;
import dev.limajunit.core.host.HostProbe;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.SshTarget;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * {@code lima-junit run}: boots a qemu-engine guest with the given mounts, runs one command in it, prints its output
 * and the boot phases, stops the guest and exits with the command's exit status. {@code --keep} leaves the guest
 * running (until Ctrl-C) and prints how to connect.
 */
public final class RunCommand implements Subcommand {

    private static final Duration COMMAND_TIMEOUT = Duration.ofHours(1);

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String arguments() {
        return RunArguments.USAGE;
    }

    @Override
    public String summary() {
        return "boot a qemu-engine guest with mounts, run CMD in it, print its output and the boot phases";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        RunArguments parsed;
        ResolvedInstance spec;
        try {
            parsed = RunArguments.parse(args);
            spec = new SpecResolver(new HostProbe().withoutAccelerators().probe()).resolve(parsed.spec());
        } catch (IllegalArgumentException e) { // InvalidSpecException included
            err.println("lima-junit run: " + e.getMessage());
            err.println("usage: lima-junit run " + RunArguments.USAGE);
            return Main.USAGE;
        }
        QemuEngine engine = QemuEngine.create();
        String unavailable = engine.unavailableReason().orElse(null);
        if (unavailable != null) {
            err.println("lima-junit run: " + unavailable);
            return 1;
        }
        long start = System.nanoTime();
        try (QemuInstance instance = (QemuInstance) engine.start(spec, StartOptions.named("cli"))) {
            long booted = System.nanoTime();
            err.println("lima-junit: booted in " + (booted - start) / 1_000_000 + " ms ("
                    + phases(instance.bootPhases()) + ")");
            int exit = 0;
            if (!parsed.command().isEmpty()) {
                ExecResult result = instance.shell().exec(Command.of(parsed.command().toArray(String[]::new))
                        .timeout(COMMAND_TIMEOUT));
                out.writeBytes(result.stdout());
                out.flush();
                err.writeBytes(result.stderr());
                err.flush();
                exit = result.exitCode();
                err.println("lima-junit: first command done " + (System.nanoTime() - start) / 1_000_000
                        + " ms after start, exit code " + exit);
            }
            if (parsed.keep()) {
                keepRunning(instance, err);
            }
            return exit;
        } catch (InstanceStartException e) {
            err.println("lima-junit run: " + e.getMessage());
            return 1;
        }
    }

    private static void keepRunning(QemuInstance instance, PrintStream err) {
        SshTarget target = instance.sshTarget();
        err.println("lima-junit: the guest keeps running until Ctrl-C; connect with:");
        err.println("  ssh -i " + target.privateKey() + " -p " + target.port()
                + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null " + target.user() + "@"
                + target.host());
        instance.mounts().forEach(m -> err.println("  mount: " + m));
        CountDownLatch forever = new CountDownLatch(1);
        try {
            forever.await(); // Ctrl-C: the process registry's shutdown hook stops the guest and its helpers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String phases(Map<String, Long> phases) {
        return phases.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", "));
    }
}
