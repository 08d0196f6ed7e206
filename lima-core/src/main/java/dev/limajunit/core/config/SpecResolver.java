package dev.limajunit.core.config;

import dev.limajunit.core.host.HostFacts;
import dev.limajunit.core.host.MountSupport;
import dev.limajunit.core.host.OperatingSystem;
import dev.limajunit.core.host.Support;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an {@link InstanceSpec} (as written) into a {@link ResolvedInstance} (Lima's defaults applied) after checking
 * every rule against the host's {@link HostFacts}. Nothing boots when a rule is broken.
 */
public final class SpecResolver {

    private static final List<SpecRule> RULES =
            List.of(new MountTypeRules(), new PathRules(), new MountOptionRules(), new InstanceRules());

    /** The rules that read nothing of the host but its home directory and file system. */
    private static final List<SpecRule> AS_WRITTEN_RULES =
            List.of(new PathRules(), new MountOptionRules(), new InstanceRules());

    private final HostFacts facts;

    public SpecResolver(HostFacts facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** Every error and warning for {@code spec} on this host, in a stable order. */
    public ValidationReport validate(InstanceSpec spec) {
        return check(RULES, SpecContext.of(spec, facts));
    }

    /**
     * The rules that need nothing from the host but its home directory (paths, mount options, sizes), for checking a
     * spec where it is written, before the host is probed: not whether the host can run the vmType or mountType, nor
     * the Lima version (those decide later whether the test runs here). Where a rule depends on the effective mount
     * type and none is written, it is Lima's default without limactl installed.
     *
     * @param home what {@code ~} in a location expands to
     */
    public static ValidationReport validateAsWritten(InstanceSpec spec, Path home) {
        HostFacts noHost = HostFacts.builder().os(OperatingSystem.current(), "").home(home).effectiveUid(-1).build();
        return check(AS_WRITTEN_RULES, SpecContext.of(spec, noHost));
    }

    private static ValidationReport check(List<SpecRule> rules, SpecContext context) {
        List<ValidationIssue> issues = new ArrayList<>();
        for (SpecRule rule : rules) {
            rule.check(context, issues);
        }
        // Instance-wide findings first, then mount by mount (a stable sort keeps each rule's order).
        issues.sort(Comparator.comparingInt(SpecResolver::mountIndex));
        return new ValidationReport(issues);
    }

    private static int mountIndex(ValidationIssue issue) {
        return issue.path().mount().orElse(-1);
    }

    /**
     * Why this host cannot run {@code spec}'s vmType and mountType, if it cannot; for skipping a test rather than
     * failing it. Empty when the host can (other rules may still reject the spec).
     */
    public Optional<String> unsupportedReason(InstanceSpec spec) {
        SpecContext c = SpecContext.of(spec, facts);
        MountSupport support = new MountSupport(facts);
        Support vm = support.supports(c.vmType());
        if (!vm.supported()) {
            return Optional.of("vmType " + c.vmType() + ": " + vm.reason());
        }
        Support mount = support.supports(c.mountType(), c.vmType());
        return mount.supported() || spec.mounts().isEmpty()
                ? Optional.empty()
                : Optional.of("mountType " + c.mountType() + " with vmType " + c.vmType() + ": " + mount.reason());
    }

    /**
     * @return the spec with every default applied
     * @throws InvalidSpecException listing every error, when any rule is broken (warnings do not stop)
     */
    public ResolvedInstance resolve(InstanceSpec spec) {
        validate(spec).throwIfErrors();
        SpecContext c = SpecContext.of(spec, facts);
        List<ResolvedMount> mounts = new ArrayList<>();
        for (int i = 0; i < spec.mounts().size(); i++) {
            mounts.add(resolveMount(c, i, spec.mounts().get(i)));
        }
        return new ResolvedInstance(
                c.vmType(),
                c.mountType(),
                mounts,
                Boolean.TRUE.equals(spec.mountInotify()),
                spec.cpus() != null ? spec.cpus() : LimaDefaults.cpus(facts),
                spec.memory() != null ? ByteSize.parse(spec.memory()) : LimaDefaults.memoryBytes(facts),
                spec);
    }

    private ResolvedMount resolveMount(SpecContext c, int index, MountSpec mount) {
        Path location = Path.of(c.paths().expandLocation(mount.location())).normalize();
        String mountPoint = mount.mountPoint() != null
                ? PathRules.guestPath(c.paths().expandTemplates(mount.mountPoint()))
                : PathRules.guestPath(location.toString());
        boolean writable = mount.writable() != null ? mount.writable() : LimaDefaults.WRITABLE;

        SshfsOptions sshfs = mount.sshfs();
        ResolvedMount.Sshfs effectiveSshfs = new ResolvedMount.Sshfs(
                sshfs.cache() != null ? sshfs.cache() : LimaDefaults.SSHFS_CACHE,
                sshfs.followSymlinks() != null ? sshfs.followSymlinks() : LimaDefaults.SSHFS_FOLLOW_SYMLINKS,
                sshfs.sftpDriver() != null
                        ? SftpDriver.fromYaml(sshfs.sftpDriver())
                        : LimaDefaults.sftpDriver(c.lima(), facts.sftpServer() != null));

        NinePOptions ninep = mount.ninep();
        ResolvedMount.NineP effectiveNineP = new ResolvedMount.NineP(
                ninep.securityModel() != null
                        ? SecurityModel.fromYaml(ninep.securityModel())
                        : LimaDefaults.ninepSecurityModel(c.lima()),
                ninep.protocolVersion() != null
                        ? ProtocolVersion.fromYaml(ninep.protocolVersion())
                        : LimaDefaults.NINEP_PROTOCOL_VERSION,
                ninep.msize() != null ? ByteSize.parse(ninep.msize()) : LimaDefaults.NINEP_MSIZE,
                ninep.cache() != null ? NinePCache.fromYaml(ninep.cache()) : LimaDefaults.ninepCache(writable));

        Integer queueSize = mount.virtiofs().queueSize();
        return new ResolvedMount(index, location, mountPoint, writable, effectiveSshfs, effectiveNineP,
                queueSize != null ? queueSize : 0);
    }
}
