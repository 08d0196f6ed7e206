package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.LimaVersion;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.ResolvedInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * What a spec needs of the limactl this engine really runs, checked before anything is created. The spec resolver
 * checks the same rules against the Lima the host probe found; this check covers a limactl found on another PATH.
 */
final class LimaVersionRules {

    private LimaVersionRules() {
    }

    /** Every rule the spec breaks on this Lima, in words; empty when it may run. */
    static List<String> violations(ResolvedInstance spec, LimaVersion lima, String osName) {
        List<String> problems = new ArrayList<>();
        if (spec.mountInotify() && !lima.isAtLeast(0, 21)) {
            problems.add("mountInotify needs Lima 0.21 or later, but limactl is " + lima);
        }
        if (spec.mountType() == MountType.NINEP && !lima.isAtLeast(0, 10)) {
            problems.add("mountType \"9p\" needs Lima 0.10 or later, but limactl is " + lima);
        }
        if (spec.mountType() == MountType.VIRTIOFS) {
            boolean mac = osName.toLowerCase().contains("mac");
            String needed = mac ? "0.14" : "0.17";
            if (!lima.isAtLeast(0, mac ? 14 : 17)) {
                problems.add("mountType \"virtiofs\" needs Lima " + needed + " or later on "
                        + (mac ? "macOS" : "Linux") + ", but limactl is " + lima);
            }
        }
        return problems;
    }
}
