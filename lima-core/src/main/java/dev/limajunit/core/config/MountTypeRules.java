package dev.limajunit.core.config;

import dev.limajunit.core.host.MountSupport;
import dev.limajunit.core.host.OperatingSystem;
import dev.limajunit.core.host.Support;
import java.util.List;

/**
 * Rules about the mount type as a whole: the host and vmType must support it, the template must not list it in
 * {@code mountTypesUnsupported}, the installed Lima must be new enough, mountInotify needs Lima 0.21+.
 */
final class MountTypeRules implements SpecRule {

    @Override
    public void check(SpecContext c, List<ValidationIssue> out) {
        MountType type = c.mountType();
        Support vm = new MountSupport(c.facts()).supports(c.vmType());
        if (!vm.supported()) {
            out.add(SpecIssues.error("vmType", c.vmType(), "cannot run here: " + vm.reason()));
        }
        if (!c.mounts().isEmpty()) {
            Support mount = new MountSupport(c.facts()).supports(type, c.vmType());
            // When only the vmType is the problem, it was reported above.
            if (!mount.supported() && !mount.reason().equals(vm.reason())) {
                out.add(ValidationIssue.error("mountType", c.mountTypeWords() + " with vmType \""
                        + c.vmType().yamlName() + "\" is not supported here: " + mount.reason()));
            }
        }
        if (c.spec().mountType() != null && c.spec().mountTypesUnsupported().contains(type)) {
            out.add(SpecIssues.error("mountType", type,
                    "is listed in mountTypesUnsupported (the guest's kernel cannot mount it)"));
        }
        if (c.spec().mountType() == null && c.spec().mountTypesUnsupported().contains(type)) {
            out.add(ValidationIssue.error("mountTypesUnsupported", c.mountTypeWords()
                    + " is listed in mountTypesUnsupported and there is no other mount type to fall back to"));
        }
        checkLimaVersion(c, out);
    }

    private static void checkLimaVersion(SpecContext c, List<ValidationIssue> out) {
        LimaVersion lima = c.lima();
        String needs = switch (c.mountType()) {
            case NINEP -> lima.isAtLeast(0, 10) ? null : "0.10";
            case VIRTIOFS -> c.facts().os() == OperatingSystem.LINUX
                    ? (lima.isAtLeast(0, 17) ? null : "0.17 on Linux")
                    : (lima.isAtLeast(0, 14) ? null : "0.14 on macOS");
            case WSL2 -> lima.isAtLeast(0, 18) ? null : "0.18";
            case REVERSE_SSHFS -> null;
        };
        if (needs != null && !c.mounts().isEmpty()) {
            out.add(ValidationIssue.error("mountType", c.mountTypeWords() + " needs Lima " + needs
                    + " or later; limactl is " + lima));
        }
        if (Boolean.TRUE.equals(c.spec().mountInotify()) && !lima.isAtLeast(0, 21)) {
            out.add(SpecIssues.error("mountInotify", true, "needs Lima 0.21 or later; limactl is " + lima));
        }
    }
}
