package dev.limajunit.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule "QEMU's C virtiofsd only as root" against the real binaries, started as an unprivileged user ({@code
 * setpriv} to nobody, from root): the C one exits without serving, the Rust one serves its socket with Lima's
 * arguments, {@link Virtiofsd#unusableReason} says the same for that uid, and {@code lima-junit doctor} run as that
 * user reports virtiofs unavailable with the reason.
 */
class VirtiofsdPrivilegeIT {

    private static final Path C_ONE = Path.of("/usr/lib/qemu/virtiofsd");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final int NOBODY = 65534;

    @TempDir
    Path tmp;

    @Test
    void unprivilegedTheCVirtiofsdExitsAndTheRustOneServes() throws Exception {
        assumeThat(HostProbe.effectiveUid()).as("root, to start virtiofsd as nobody").isZero();
        assumeThat(SETPRIV).as("setpriv (util-linux)").isExecutable();
        assumeThat(C_ONE).as("QEMU's C virtiofsd (qemu-system-common)").isExecutable();
        Path rust = VirtiofsdLocatorTest.installedRustVirtiofsd();
        Path dir = Files.createDirectory(tmp.resolve("run"));
        Path share = Files.createDirectory(dir.resolve("share"));
        for (Path p : List.of(tmp, dir, share)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }

        Path cSocket = dir.resolve("c.sock");
        Process c = asNobody(dir.resolve("c.log"), C_ONE.toString(), "--socket-path=" + cSocket, "-o",
                "source=" + share);
        try {
            assertThat(c.waitFor(10, TimeUnit.SECONDS)).as("the C virtiofsd ends by itself").isTrue();
            assertThat(c.exitValue()).as("its exit code; log: %s", Files.readString(dir.resolve("c.log")))
                    .isNotZero();
            assertThat(cSocket).doesNotExist();
        } finally {
            c.destroyForcibly();
        }
        assertThat(new Virtiofsd(C_ONE, Virtiofsd.Kind.QEMU_C, "", true).unusableReason(NOBODY))
                .hasValueSatisfying(reason -> assertThat(reason).contains("needs root", "euid " + NOBODY));

        Path rustSocket = dir.resolve("rust.sock");
        Process r = asNobody(dir.resolve("rust.log"), rust.toString(), "--socket-path", rustSocket.toString(),
                "--shared-dir", share.toString());
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(rustSocket) || !r.isAlive());
            assertThat(r.isAlive()).as("the Rust virtiofsd serves; log: %s", Files.readString(dir.resolve("rust.log")))
                    .isTrue();
            assertThat(Files.getOwner(rustSocket).getName()).isEqualTo("nobody");
        } finally {
            r.destroy();
            r.waitFor(10, TimeUnit.SECONDS);
            r.destroyForcibly();
        }
        assertThat(new Virtiofsd(rust, Virtiofsd.Kind.RUST, "").unusableReason(NOBODY)).isEmpty();
    }

    @Test
    void doctorRunAsAUserWithTheCVirtiofsdNamedSaysVirtiofsIsUnavailableAndWhy() throws Exception {
        assumeThat(HostProbe.effectiveUid()).as("root, to run doctor as nobody").isZero();
        assumeThat(SETPRIV).as("setpriv (util-linux)").isExecutable();
        assumeThat(C_ONE).as("QEMU's C virtiofsd (qemu-system-common)").isExecutable();
        Path home = Files.createDirectory(tmp.resolve("home"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path log = tmp.resolve("doctor.log");

        Process doctor = asNobody(log, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-D" + VirtiofsdLocator.PROPERTY + "=" + C_ONE,
                "-cp", classpathNobodyCanRead(Files.createDirectory(tmp.resolve("lib"))),
                "dev.limajunit.core.cli.Main", "doctor");
        try {
            assertThat(doctor.waitFor(120, TimeUnit.SECONDS)).as("doctor ends").isTrue();
        } finally {
            doctor.destroyForcibly();
        }

        String out = Files.readString(log);
        assertThat(out).as(out)
                .containsPattern("(?m)^  user +euid " + NOBODY + "$")
                .containsPattern("(?m)^  virtiofsd +/usr/lib/qemu/virtiofsd \\(QEMU's C virtiofsd, virtiofsd version "
                        + "[^,]+, named by lima.virtiofsd\\)$")
                .containsPattern("(?m)^  virtiofs +qemu +no +QEMU's C virtiofsd /usr/lib/qemu/virtiofsd \\(named by "
                        + "lima.virtiofsd\\) needs root, and this runs as euid " + NOBODY + "; install the Rust "
                        + "virtiofsd \\(bin/install-virtiofsd\\) and unset lima.virtiofsd$");
    }

    /** This JVM's class path, with the entries nobody may not read (root's ~/.m2) copied into {@code lib}. */
    private static String classpathNobodyCanRead(Path lib) throws IOException {
        Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && p.startsWith(System.getProperty("user.home"))) {
                Path copy = lib.resolve(entries.size() + "-" + p.getFileName());
                Files.copy(p, copy);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Process asNobody(Path log, String... command) throws IOException {
        List<String> argv = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups"));
        argv.addAll(List.of(command));
        return new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
