package dev.limajunit.core.yaml;

import java.util.Set;

/** The top-level lima.yaml fields the model reads and writes; everything else must be carried unchanged. */
final class InstanceSpecFields {

    static final Set<String> MODELLED =
            Set.of("vmType", "mountType", "mounts", "mountInotify", "cpus", "memory", "disk", "mountTypesUnsupported");

    private InstanceSpecFields() {
    }
}
