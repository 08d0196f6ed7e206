package dev.limajunit.junit.internal;

import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@code uname -r} of each VM, asked once per instance for the matrix's run metadata. */
final class GuestKernels {

    private static final Map<String, Optional<String>> BY_INSTANCE = new ConcurrentHashMap<>();

    private GuestKernels() {
    }

    /** Empty when the guest cannot answer (it may have died: that is the test's failure to report, not ours). */
    static Optional<String> of(Instance instance) {
        return BY_INSTANCE.computeIfAbsent(instance.name(), name -> ask(instance));
    }

    private static Optional<String> ask(Instance instance) {
        try {
            if (!instance.isRunning()) {
                return Optional.empty();
            }
            ExecResult result = instance.shell().exec(Command.of("uname", "-r").timeout(Duration.ofSeconds(10)));
            String release = result.stdoutText().strip();
            return result.succeeded() && !release.isEmpty() ? Optional.of(release) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
