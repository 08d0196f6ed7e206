package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.junit.KnownLimitation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.MediaType;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a test or lifecycle method fails, attaches what explains it to that test with {@code publishFile}: the
 * engine's logs (serial console, helper logs) and, from the guest, the tail of {@code dmesg} and
 * {@code /proc/mounts}, and the timeline of each mount the test watched ({@code watch-timeline.txt}); the same for a
 * {@link KnownLimitation} that held. Runs from exception handlers, while the VM is still up ({@code TestWatcher}
 * runs too late).
 * Marks the VM as used by a failed test, for {@code lima.keepOnFailure}. Never hides the original failure.
 */
@API(status = API.Status.INTERNAL)
public final class FailureDiagnostics implements TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FailureDiagnostics.class);
    private static final Duration GUEST_COMMAND_TIMEOUT = Duration.ofSeconds(15);

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        attach(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        attach(context, throwable);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        attach(context, throwable);
        throw throwable;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context,
            Throwable throwable) throws Throwable {
        attach(context, throwable);
        throw throwable;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        attach(context, throwable);
        throw throwable;
    }


    private static void attach(ExtensionContext context, Throwable throwable) {
        boolean held = throwable instanceof KnownLimitationHeld;
        if (throwable instanceof TestAbortedException && !held) {
            return; // skipped: nothing to explain
        }
        // A known limitation that held gets the same evidence as a failure (what its matrix note rests on), but
        // it is no failure: the VM is not kept for it.
        publishTimelines(context, throwable);
        Optional<ClassLease> lease = CurrentMountType.lease(context);
        if (lease.isEmpty()) {
            return;
        }
        Instance instance = lease.get().instance();
        if (!held) {
            lease.get().pooled().markTestFailed();
        }
        if (!held && LimaRun.of(context).settings().keepOnFailure()) {
            context.publishReportEntry(LimaKeys.KEPT_ON_FAILURE, instance.name() + " is left running; "
                    + ConnectHint.of(instance));
        }
        try {
            for (Map.Entry<String, Path> file : instance.diagnosticFiles().entrySet()) {
                if (Files.isRegularFile(file.getValue())) {
                    context.publishFile(fileName(file.getKey()), MediaType.TEXT_PLAIN_UTF_8,
                            target -> Files.copy(file.getValue(), target));
                }
            }
            if (instance.isRunning()) {
                // as root: Lima's user may not read the kernel log (kernel.dmesg_restrict)
                publishGuestOutput(context, instance, "guest-dmesg.txt", Command.shell("dmesg | tail -n 200")
                        .asUser("root"));
                publishGuestOutput(context, instance, "guest-proc-mounts.txt", Command.shell("cat /proc/mounts"));
            }
        } catch (RuntimeException e) {
            throwable.addSuppressed(e);
            LOG.warn("lima-junit: could not attach diagnostics of {}: {}", instance.name(), e.toString());
        }
    }

    /** The test's watcher timelines (host actions and guest events in one order): {@code watch-timeline.txt}. */
    private static void publishTimelines(ExtensionContext context, Throwable throwable) {
        List<MountTimeline> timelines = TestTimelines.existing(context).map(TestTimelines::all).orElse(List.of());
        for (int i = 0; i < timelines.size(); i++) {
            String text = timelines.get(i).render();
            try {
                context.publishFile(i == 0 ? "watch-timeline.txt" : "watch-timeline-" + i + ".txt",
                        MediaType.TEXT_PLAIN_UTF_8, target -> Files.writeString(target, text, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throwable.addSuppressed(e);
            }
        }
    }

    private static void publishGuestOutput(ExtensionContext context, Instance instance, String name, Command command) {
        ExecResult result = instance.shell().exec(command.timeout(GUEST_COMMAND_TIMEOUT));
        String text = "$ " + command + "   (exit " + result.exitCode() + ")\n" + result.stdoutText()
                + result.stderrText();
        context.publishFile(name, MediaType.TEXT_PLAIN_UTF_8,
                target -> Files.writeString(target, text, StandardCharsets.UTF_8));
    }

    /** A plain file name for a diagnostics entry ("serial log" -> "serial_log.txt"). */
    static String fileName(String key) {
        String base = key.replaceAll("[^A-Za-z0-9._-]", "_");
        return base.contains(".") ? base : base + ".txt";
    }
}
