package dev.limajunit.core.config;

import dev.limajunit.core.host.HostFacts;
import java.util.List;

/**
 * What every validation rule looks at: the spec as written, the host, and the effective vmType/mountType (the
 * written ones, or Lima's defaults).
 */
record SpecContext(InstanceSpec spec, HostFacts facts, VmType vmType, MountType mountType, PathExpander paths) {

    static SpecContext of(InstanceSpec spec, HostFacts facts) {
        VmType vmType = spec.vmType() != null ? spec.vmType() : LimaDefaults.vmType(facts);
        MountType mountType = spec.mountType() != null
                ? spec.mountType()
                : LimaDefaults.mountType(facts.effectiveLimaVersion(), vmType, spec.mountTypesUnsupported());
        return new SpecContext(spec, facts, vmType, mountType, new PathExpander(facts));
    }

    LimaVersion lima() {
        return facts.effectiveLimaVersion();
    }

    List<MountSpec> mounts() {
        return spec.mounts();
    }

    MountRef ref(int index) {
        return new MountRef(index, spec.mounts().get(index).location());
    }

    /** "mountType "9p"" or "mountType "9p" (Lima's default)", for messages. */
    String mountTypeWords() {
        return "mountType \"" + mountType.yamlName() + "\"" + (spec.mountType() == null ? " (Lima's default)" : "");
    }
}
