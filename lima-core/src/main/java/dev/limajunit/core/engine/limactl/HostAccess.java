package dev.limajunit.core.engine.limactl;

import dev.limajunit.core.config.ResolvedMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What limactl needs on the host when it runs as another account than the tests (root on CI runs it as an
 * unprivileged user, since Lima refuses root): its private LIMA_HOME owned by that account, and each mount location
 * readable (and, for a writable mount, writable) by it, since QEMU's 9p server, virtiofsd and the host agent's SFTP
 * server act as that account. Access is granted with POSIX ACLs, including default ones, so files the tests create
 * on the host later are reachable too; the owner and mode of the location stay as they are.
 */
final class HostAccess {

    private HostAccess() {
    }

    static void own(Path dir, HostUser user) throws IOException {
        Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user.name()));
    }

    /**
     * @throws IllegalStateException naming the mount, the account and what to do when access cannot be granted
     */
    static void grant(HostUser user, List<ResolvedMount> mounts) {
        for (ResolvedMount mount : mounts) {
            String perms = mount.writable() ? "rwX" : "rX";
            String entry = "u:" + user.name() + ":" + perms;
            run(mount, user, List.of("setfacl", "-R", "-m", entry, "-m", "d:" + entry, mount.location().toString()));
            reachThrough(mount, user);
        }
    }

    /**
     * The directories above a location must let the account pass. Those under the temporary directory (JUnit's
     * {@code @TempDir} makes them private) get a search-only ACL entry; anything else is the user's to open.
     */
    private static void reachThrough(ResolvedMount mount, HostUser user) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        for (Path parent = mount.location().getParent(); parent != null; parent = parent.getParent()) {
            if (searchableByOthers(parent)) {
                continue;
            }
            if (parent.startsWith(temp) && !parent.equals(temp)) {
                run(mount, user, List.of("setfacl", "-m", "u:" + user.name() + ":x", parent.toString()));
                continue;
            }
            throw new IllegalStateException(mount.describe() + ": the account " + user.name()
                    + " that limactl runs as cannot reach it: " + parent + " is not searchable by other users"
                    + " (put the location under " + temp + ", or run the tests as " + user.name() + ")");
        }
    }

    private static boolean searchableByOthers(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return true; // cannot tell: let Lima report what it finds
        }
    }

    private static void run(ResolvedMount mount, HostUser user, List<String> command) {
        String what = mount.describe() + ": cannot give the account " + user.name() + ", which limactl runs as,"
                + " access to the location with `" + String.join(" ", command) + "`";
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + ": no answer within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + ": exit " + process.exitValue() + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + e.getMessage()
                    + " (install the Debian package acl, which bin/install-lima does)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }
}
