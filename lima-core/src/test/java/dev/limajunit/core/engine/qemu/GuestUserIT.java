package dev.limajunit.core.engine.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.limajunit.core.config.MountType;
import dev.limajunit.core.engine.GuestUser;
import dev.limajunit.core.engine.Instance;
import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecRoundTrip;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/**
 * Tests act as Lima's user: a login of that name, uid and home ({@code /home/NAME.guest}), root for commands that ask
 * for it, and the mount seen with the user's rights. A JVM running as root acts as root by default (Lima refuses root:
 * there is no Lima user to mirror), so the user is given explicitly here.
 */
class GuestUserIT {

    private static final GuestUser LIMA = GuestUser.limaUserFor("lima", 1000, 1000);

    @Test
    void testsActAsTheGuestUserAndReachRootWhenTheyAsk() throws IOException {
        QemuEngine engine = QemuEngine.create().withGuestUser(LIMA);
        assumeThat(engine.unavailableReason()).as("qemu engine availability").isEmpty();
        Path shared = Files.createTempDirectory("lima-junit-guest-user");
        Path open = Files.createDirectory(shared.resolve("open"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Instance vm = engine.start(QemuTestVm.spec(MountType.NINEP, false,
                QemuTestVm.mount(0, shared, "/mnt/shared", true)), QemuTestVm.options("guest-user"))) {
            GuestShell shell = vm.shell();

            assertThat(shell.execChecked("sh", "-c", "id -un; id -u; id -g; echo $HOME").stdoutText())
                    .isEqualTo("lima\n1000\n1000\n/home/lima.guest\n");
            assertThat(shell.execChecked(Command.of("id", "-u").asUser("root")).stdoutText()).isEqualTo("0\n");
            ExecRoundTrip.report("qemu engine, 9p, as lima", shell);
            assertThat(shell.execChecked("readlink", "/home/lima.linux").stdoutText()).isEqualTo("/home/lima.guest\n");

            // Mode bits decide, as for Lima's user: a directory only root may write refuses the user...
            assertThat(shell.exec("touch", "/mnt/shared/by-user").stderrText()).contains("Permission denied");
            assertThat(shared.resolve("by-user")).doesNotExist();
            // ...one open to all takes the file, owned on the host by the guest user's uid (9p, securityModel none).
            shell.execChecked("touch", "/mnt/shared/open/by-user");
            assertThat(Files.getAttribute(open.resolve("by-user"), "unix:uid")).isEqualTo(1000);
        } finally {
            try (var files = Files.walk(shared)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
