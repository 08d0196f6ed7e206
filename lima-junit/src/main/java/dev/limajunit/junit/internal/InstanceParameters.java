package dev.limajunit.junit.internal;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.junit.MountIndex;
import dev.limajunit.junit.MountPoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Turns a running VM into the parameter a test asks for. */
final class InstanceParameters {

    private InstanceParameters() {
    }

    /** What {@link #resolve} turns a VM into, besides {@link MountType} (a parameterized invocation's own argument). */
    static final Set<Class<?>> VM_TYPES = Stream.concat(
            Stream.of(Instance.class, GuestShell.class, MountedDirectory.class), WatchParameters.TYPES.stream())
            .collect(Collectors.toUnmodifiableSet());

    /** @param context the context the parameter is resolved in (a test method's for per-test watchers) */
    static Object resolve(ParameterContext parameter, ExtensionContext context, Instance instance) {
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
        if (WatchParameters.TYPES.contains(type)) {
            return WatchParameters.resolve(parameter, context, instance.mounts());
        }
        throw new ParameterResolutionException("lima-junit cannot resolve " + type.getName());
    }

    /**
     * The mount a {@link MountedDirectory} (or watcher) parameter names by {@link MountIndex} or {@link MountPoint}, or
     * the only one.
     */
    static MountedDirectory mount(ParameterContext parameter, List<MountedDirectory> mounts) {
        Optional<MountIndex> index = parameter.findAnnotation(MountIndex.class);
        Optional<MountPoint> point = parameter.findAnnotation(MountPoint.class);
        String where = where(parameter);
        if (index.isPresent() && point.isPresent()) {
            throw new ParameterResolutionException(where + ": use @MountIndex or @MountPoint, not both");
        }
        if (index.isPresent()) {
            int i = index.get().value();
            if (i < 0 || i >= mounts.size()) {
                throw new ParameterResolutionException(where + ": @MountIndex(" + i + ") is not in 0.."
                        + (mounts.size() - 1) + " (the VM has " + mounts.size() + " mount(s): " + describe(mounts)
                        + ")");
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

    /** Names the parameter in messages: {@code parameter dir of roundTrip}. */
    static String where(ParameterContext parameter) {
        return "parameter " + parameter.getParameter().getName() + " of " + parameter.getDeclaringExecutable()
                .getName();
    }

    private static String describe(List<MountedDirectory> mounts) {
        return mounts.isEmpty() ? "none" : mounts.stream().map(m -> m.guestPath().toString())
                .collect(Collectors.joining(", "));
    }
}
