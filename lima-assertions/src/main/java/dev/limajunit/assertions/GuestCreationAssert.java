package dev.limajunit.assertions;

import static dev.limajunit.assertions.error.ShouldBeOwnedOnHost.ownedByAnother;

import dev.limajunit.assertions.error.ShouldBeOwnedOnHost.Creator;
import dev.limajunit.assertions.error.ShouldBeOwnedOnHost.Owner;
import dev.limajunit.core.mount.MountedDirectory;
import dev.limajunit.core.shell.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * Who owns, on the host, a file the guest creates on a mount (lima-vm/lima#231): the guest creates {@code path} as
 * the guest shell's own identity or {@link #asUser(String) another guest user}, and the host's owner is compared.
 * Failure messages show the creating identity and both sides' owner and mode.
 *
 * <pre>{@code
 * assertThatGuestCreated(dir, "build/out.o").isOwnedOnHostByItsCreator();   // virtiofs: yes; reverse-sshfs: no
 * assertThatGuestCreated(dir, "cache.db").asUser("nobody").isOwnedOnHostBy(65534);
 * }</pre>
 */
public class GuestCreationAssert extends AbstractAssert<GuestCreationAssert, MountedDirectory> {

    private final String path;
    private String user;

    GuestCreationAssert(MountedDirectory dir, String path) {
        super(dir, GuestCreationAssert.class);
        this.path = path;
    }

    /** Creates the file as this guest user (through sudo, or su where there is no sudo) instead of the shell's own. */
    public GuestCreationAssert asUser(String guestUser) {
        this.user = guestUser;
        return myself;
    }

    /** Creates the file in the guest; the host owns it by the uid that created it. */
    public GuestCreationAssert isOwnedOnHostByItsCreator() {
        return create(-1);
    }

    /** Creates the file in the guest; the host owns it by {@code uid}. */
    public GuestCreationAssert isOwnedOnHostBy(int uid) {
        return create(uid);
    }

    private GuestCreationAssert create(int expected) {
        isNotNull();
        // id first, then the file, then the guest's stat of it: one round trip names the creator and its view.
        Command command = Command.of("sh", "-c", "id -u; id -g; : > \"$1\"; stat -c '%u %g %a' \"$1\"", "create",
                actual.guest(path).value());
        String[] out = actual.shell().execChecked(user == null ? command : command.asUser(user)).stdoutText().strip()
                .split("\n");
        if (out.length < 3) {
            throw new IllegalStateException("the guest printed no id and stat for " + path + ": "
                    + String.join("|", out));
        }
        int creatorUid = Integer.parseInt(out[0].strip());
        int uid = expected < 0 ? creatorUid : expected;
        Map<String, Object> host = hostAttributes(actual.host(path));
        if (((Integer) host.get("uid")) != uid) {
            String[] guest = out[2].strip().split(" ");
            throwAssertionError(ownedByAnother(actual, path, new Creator(creatorUid, out[1].strip(), user), uid,
                    new Owner(String.valueOf(host.get("uid")), String.valueOf(host.get("gid")),
                            Integer.toOctalString((Integer) host.get("mode") & 07777)),
                    new Owner(guest[0], guest[1], guest[2])));
        }
        return myself;
    }

    private static Map<String, Object> hostAttributes(Path file) {
        try {
            return Files.readAttributes(file, "unix:uid,gid,mode");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the host's owner of " + file, e);
        }
    }
}
