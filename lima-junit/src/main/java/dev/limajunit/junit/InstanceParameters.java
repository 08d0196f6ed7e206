package dev.limajunit.junit;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Turns a running VM into the parameter a test asks for. */
final class InstanceParameters {

    private InstanceParameters() {
    }

    static Object resolve(ParameterContext parameter, Instance instance) {
        Class<?> type = parameter.getParameter().getType();
        if (type == Instance.class) {
            return instance;
        }
        if (type == GuestShell.class) {
            return instance.shell();
        }
        if (type == MountType.class) {
            return instance.spec().mountType();
        }
        if (type == MountedDirectory.class) {
            return mount(parameter, instance.mounts());
        }
        throw new ParameterResolutionException("lima-junit cannot resolve " + type.getName());
    }

    /** The mount a {@link MountedDirectory} parameter names by {@link MountIndex} or {@link MountPoint}, or the only one. */
    static MountedDirectory mount(ParameterContext parameter, List<MountedDirectory> mounts) {
        Optional<MountIndex> index = parameter.findAnnotation(MountIndex.class);
        Optional<MountPoint> point = parameter.findAnnotation(MountPoint.class);
        String where = "parameter " + parameter.getParameter().getName() + " of "
                + parameter.getDeclaringExecutable().getName();
        if (index.isPresent() && point.isPresent()) {
            throw new ParameterResolutionException(where + ": use @MountIndex or @MountPoint, not both");
        }
        if (index.isPresent()) {
            int i = index.get().value();
            if (i < 0 || i >= mounts.size()) {
                throw new ParameterResolutionException(where + ": @MountIndex(" + i + ") is not in 0.."
                        + (mounts.size() - 1) + " (the VM has " + mounts.size() + " mount(s): " + describe(mounts) + ")");
            }
            return mounts.get(i);
        }
        if (point.isPresent()) {
            String wanted = point.get().value();
            return mounts.stream()
                    .filter(m -> m.guestPath().toString().equals(wanted) || m.mount().mountPoint().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new ParameterResolutionException(where + ": @MountPoint(\"" + wanted
                            + "\") matches no mount; the VM's mount points: " + describe(mounts)));
        }
        if (mounts.size() != 1) {
            throw new ParameterResolutionException(where + ": the VM has " + mounts.size() + " mounts ("
                    + describe(mounts) + "); pick one with @MountIndex(n) or @MountPoint(\"/guest/path\")");
        }
        return mounts.get(0);
    }

    private static String describe(List<MountedDirectory> mounts) {
        return mounts.isEmpty() ? "none" : mounts.stream().map(m -> m.guestPath().toString()).collect(Collectors.joining(", "));
    }
}
