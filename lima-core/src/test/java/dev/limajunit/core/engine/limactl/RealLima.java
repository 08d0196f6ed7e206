package dev.limajunit.core.engine.limactl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The gate of the tests against a real Lima: the engine when this run has one ({@code lima.limactl.path} or PATH,
 * not the stand-in); otherwise the test class is skipped with the reason, or failed when {@code lima.require} names
 * the limactl engine (CI after bin/install-lima).
 */
final class RealLima {

    private RealLima() {
    }

    static LimactlEngine engineOrSkip() {
        LimactlEngine engine = LimactlEngine.fromSystem();
        String missing = whyNoRealLima(engine);
        if (missing == null) {
            return engine;
        }
        if (RequiredEngines.fromSystem().contains(LimactlEngine.NAME)) {
            throw new AssertionError("lima.require names the limactl engine, but " + missing);
        }
        return Assumptions.abort(missing + " (the CLI contract is covered by the contract tests against the stand-in)");
    }

    /** Why this run has no real Lima to test against, or null when it has one. */
    static String whyNoRealLima(LimactlEngine engine) {
        Optional<Path> limactl = engine.executable();
        if (limactl.isEmpty()) {
            return "no limactl: neither lima.limactl.path (LIMA_JUNIT_LIMACTL) nor PATH names one, so Lima is not"
                    + " installed for this run (bin/install-lima builds it)";
        }
        if (isTheStandIn(limactl.get())) {
            return limactl.get() + " is the stand-in fake-limactl of the contract tests, not Lima";
        }
        return engine.unavailableReason().map(reason -> "the limactl engine cannot run here: " + reason).orElse(null);
    }

    private static boolean isTheStandIn(Path limactl) {
        try {
            return Files.readString(limactl).contains("fake-limactl");
        } catch (Exception binaryOrUnreadable) {
            return false;
        }
    }

    /** The start timeout for a real boot: ten minutes (TCG on 2 cores takes two), scaled by lima.startTimeoutFactor. */
    static Duration bootTimeout() {
        double factor = Double.parseDouble(System.getProperty("lima.startTimeoutFactor", "1"));
        return Duration.ofSeconds((long) (600 * factor));
    }
}
