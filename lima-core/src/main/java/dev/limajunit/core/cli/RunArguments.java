package dev.limajunit.core.cli;

import dev.limajunit.core.config.InstanceSpec;
import dev.limajunit.core.config.MountSpec;
import dev.limajunit.core.config.MountType;
import dev.limajunit.core.config.VmType;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsed command line of {@code lima-junit run}.
 *
 * @param spec    the instance as the user described it (defaults are applied by the resolver)
 * @param keep    leave the guest running after the command
 * @param command the guest command (empty with --keep: just boot)
 */
record RunArguments(InstanceSpec spec, boolean keep, List<String> command) {

    static final String USAGE = "--mount-type=TYPE --mount=HOSTDIR[:GUESTDIR][:rw] [--mount-inotify] [--keep] -- "
            + "CMD...";

    /** @throws IllegalArgumentException naming the argument and the rule it breaks */
    static RunArguments parse(List<String> args) {
        MountType type = null;
        List<MountSpec> mounts = new ArrayList<>();
        boolean inotify = false;
        boolean keep = false;
        List<String> command = List.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                command = List.copyOf(args.subList(i + 1, args.size()));
                break;
            } else if (arg.startsWith("--mount-type=")) {
                String value = arg.substring("--mount-type=".length());
                try {
                    type = MountType.fromYaml(value);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--mount-type: " + e.getMessage());
                }
            } else if (arg.startsWith("--mount=")) {
                mounts.add(mount(arg.substring("--mount=".length())));
            } else if (arg.equals("--mount-inotify")) {
                inotify = true;
            } else if (arg.equals("--keep")) {
                keep = true;
            } else {
                throw new IllegalArgumentException("unknown argument \"" + arg + "\" (the guest command goes after "
                        + "--)");
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("--mount-type is required: one of " + MountType.allowed());
        }
        if (command.isEmpty() && !keep) {
            throw new IllegalArgumentException("name the guest command after -- (or pass --keep to just boot)");
        }
        InstanceSpec spec = InstanceSpec.of(type, mounts.toArray(MountSpec[]::new))
                .withVmType(VmType.QEMU).withMountInotify(inotify);
        return new RunArguments(spec, keep, command);
    }

    /** {@code HOSTDIR[:GUESTDIR][:rw]}; a trailing {@code :ro} is accepted too. */
    static MountSpec mount(String value) {
        List<String> parts = new ArrayList<>(List.of(value.split(":", -1)));
        Boolean writable = null;
        String last = parts.get(parts.size() - 1);
        if (parts.size() > 1 && (last.equals("rw") || last.equals("ro"))) {
            writable = last.equals("rw") ? Boolean.TRUE : null;
            parts.remove(parts.size() - 1);
        }
        if (parts.size() > 2 || parts.get(0).isEmpty() || (parts.size() == 2 && parts.get(1).isEmpty())) {
            throw new IllegalArgumentException("--mount=\"" + value + "\" is not HOSTDIR[:GUESTDIR][:rw]");
        }
        MountSpec mount = MountSpec.of(parts.get(0)).withWritable(writable);
        return parts.size() == 2 ? mount.withMountPoint(parts.get(1)) : mount;
    }
}
