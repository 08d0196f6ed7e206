package dev.limajunit.core.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where mounts come from and go to: the location must be absolute after {@code ~} expansion and a directory when it
 * exists (a missing one is a warning: Lima creates it); the mountPoint must be absolute, must not start with
 * {@code ~}, must not be a system path, and no two mounts may share one.
 */
final class PathRules implements SpecRule {

    /** The guest paths Lima refuses to mount over. */
    static final Set<String> SYSTEM_PATHS =
            Set.of("/", "/bin", "/dev", "/etc", "/home", "/opt", "/sbin", "/tmp", "/usr", "/var");

    @Override
    public void check(SpecContext c, List<ValidationIssue> out) {
        Map<String, MountRef> mountPoints = new HashMap<>();
        for (int i = 0; i < c.mounts().size(); i++) {
            MountSpec mount = c.mounts().get(i);
            MountRef ref = c.ref(i);
            String location = checkLocation(c, ref, mount, out);
            String mountPoint = checkMountPoint(c, ref, mount, location, out);
            if (mountPoint != null) {
                MountRef earlier = mountPoints.putIfAbsent(mountPoint, ref);
                if (earlier != null) {
                    out.add(ref.error("mountPoint", mountPoint, "is already the mountPoint of " + earlier.label()
                            + "; two mounts cannot share a mountPoint"));
                }
            }
        }
    }

    /** @return the expanded absolute location, or {@code null} when it is unusable */
    private static String checkLocation(SpecContext c, MountRef ref, MountSpec mount, List<ValidationIssue> out) {
        if (mount.location() == null || mount.location().isBlank()) {
            out.add(ValidationIssue.error(ref.field("location"), ref.label() + ": location is required"));
            return null;
        }
        String expanded = c.paths().expandLocation(mount.location());
        Path path = Path.of(expanded);
        if (!path.isAbsolute()) {
            out.add(ref.error("location", mount.location(),
                    "must be an absolute path (or start with ~) after ~ expansion, got \"" + expanded + "\""));
            return null;
        }
        path = path.normalize();
        if (Files.exists(path) && !Files.isDirectory(path)) {
            out.add(ref.error("location", mount.location(), "is not a directory (" + path + ")"));
        } else if (!Files.exists(path)) {
            out.add(ref.warning("location", mount.location(),
                    "does not exist (" + path + "); Lima creates it at start"));
        }
        return path.toString();
    }

    /** @return the effective mountPoint (defaults to the location), or {@code null} when it is unusable */
    private static String checkMountPoint(
            SpecContext c, MountRef ref, MountSpec mount, String location, List<ValidationIssue> out) {
        String written = mount.mountPoint();
        if (written == null) {
            if (location != null && SYSTEM_PATHS.contains(guestPath(location))) {
                out.add(ref.error("mountPoint", guestPath(location), "(the location, by default) is a system path; "
                        + "Lima refuses to mount over " + String.join(", ", sorted())));
            }
            return location == null ? null : guestPath(location);
        }
        if (written.startsWith("~")) {
            out.add(ref.error("mountPoint", written, "must not start with ~ (it is a guest path: write it absolute)"));
            return null;
        }
        String expanded = c.paths().expandTemplates(written);
        if (!expanded.startsWith("/")) {
            out.add(ref.error("mountPoint", written, "must be an absolute guest path (starting with /)"));
            return null;
        }
        String clean = guestPath(expanded);
        if (SYSTEM_PATHS.contains(clean)) {
            out.add(ref.error("mountPoint", written,
                    "is a system path; Lima refuses to mount over " + String.join(", ", sorted())));
            return null;
        }
        return clean;
    }

    /** A guest path, cleaned like Go's filepath.Clean ({@code /a/./b/} is {@code /a/b}). */
    static String guestPath(String path) {
        String clean = Path.of(path.replace('\\', '/')).normalize().toString().replace('\\', '/');
        return clean.length() > 1 && clean.endsWith("/") ? clean.substring(0, clean.length() - 1) : clean;
    }

    private static List<String> sorted() {
        return SYSTEM_PATHS.stream().sorted().toList();
    }
}
