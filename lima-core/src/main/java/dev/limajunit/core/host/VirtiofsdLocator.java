package dev.limajunit.core.host;

import dev.limajunit.core.process.PathLookup;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the virtiofsd the qemu engine runs. Unless {@value #PROPERTY} (or {@value #ENV_VAR}) names one, it looks
 * where Lima v2 looks ({@code FindVirtiofsd} in {@code pkg/driver/qemu}): the vhost-user descriptors (a JSON file per
 * backend, {@code "type": "fs"}, {@code "binary": PATH}) in {@code ~/.local/share/qemu/vhost-user}, in
 * {@code share/qemu/vhost-user} under QEMU's prefix and in {@code /usr/share/qemu/vhost-user}, each by file name;
 * then at {@code virtiofsd} on PATH and where packages put it. The first Rust one wins. Lima takes the first binary
 * that answers {@code --version}, which QEMU's C one does too (Debian registers it as 50-qemu-virtiofsd.json), so
 * {@code bin/install-virtiofsd} names its descriptor to come first.
 */
public final class VirtiofsdLocator {

    /** The system property naming the virtiofsd to run; the only way to get QEMU's C one. */
    public static final String PROPERTY = "lima.virtiofsd";
    /** The environment variable read when {@value #PROPERTY} is not set. */
    public static final String ENV_VAR = "LIMA_JUNIT_VIRTIOFSD";

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(3);
    private static final String DESCRIPTORS = "share/qemu/vhost-user";
    private static final String[] PLACES = {"/usr/libexec/virtiofsd", "/usr/lib/virtiofsd",
        "/usr/lib/qemu/virtiofsd", "/usr/libexec/qemu/virtiofsd"};

    private final String named;
    private final List<Path> descriptorDirs;
    private final PathLookup finder;

    VirtiofsdLocator(String named, List<Path> descriptorDirs, PathLookup finder) {
        this.named = named == null || named.isBlank() ? null : named.strip();
        this.descriptorDirs = List.copyOf(descriptorDirs);
        this.finder = finder;
    }

    /**
     * This host's: the setting from the system property or the environment, Lima's directories for this user and
     * this QEMU binary ({@code null} when there is none).
     */
    public static VirtiofsdLocator forThisHost(Path qemu) {
        return forThisHost(HostProbe.pathLookup(), Path.of(System.getProperty("user.home")), qemu);
    }

    static VirtiofsdLocator forThisHost(PathLookup finder, Path home, Path qemu) {
        String named = System.getProperty(PROPERTY, System.getenv(ENV_VAR));
        return new VirtiofsdLocator(named, descriptorDirs(home, qemu), finder);
    }

    /** Lima's order: the user's, QEMU's prefix's ({@code /usr/bin/qemu-system-x86_64}: {@code /usr}), then /usr's. */
    static List<Path> descriptorDirs(Path home, Path qemu) {
        List<Path> dirs = new ArrayList<>(List.of(home.resolve(".local").resolve(DESCRIPTORS)));
        Path prefix = qemu == null || qemu.getParent() == null ? null : qemu.getParent().getParent();
        if (prefix != null) {
            dirs.add(prefix.resolve(DESCRIPTORS));
        }
        if (prefix == null || !prefix.equals(Path.of("/usr"))) {
            dirs.add(Path.of("/usr").resolve(DESCRIPTORS));
        }
        return dirs;
    }

    /**
     * The named virtiofsd; else the first Rust one; else the first C one (never run unless named: it is returned so
     * that the reason can name it); empty when there is none.
     *
     * @throws IllegalArgumentException when the setting names no executable file
     */
    public Optional<Virtiofsd> locate() {
        if (named != null) {
            Path path = Path.of(named);
            if (!Files.isRegularFile(path) || !Files.isExecutable(path)) {
                throw new IllegalArgumentException(PROPERTY + " \"" + named + "\" is not an executable file: name a "
                        + "virtiofsd binary, or leave " + PROPERTY + " and " + ENV_VAR + " unset for the Rust one "
                        + "Lima would find");
            }
            return Optional.of(probe(path, true));
        }
        List<Path> candidates = new ArrayList<>();
        descriptorDirs.forEach(dir -> candidates.addAll(described(dir)));
        finder.find("virtiofsd").ifPresent(candidates::add);
        for (String place : PLACES) {
            Path p = Path.of(place);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                candidates.add(p);
            }
        }
        Virtiofsd firstC = null;
        for (Path path : candidates.stream().distinct().toList()) {
            Virtiofsd found = probe(path, false);
            if (found.kind() == Virtiofsd.Kind.RUST) {
                return Optional.of(found);
            }
            if (firstC == null) {
                firstC = found;
            }
        }
        return Optional.ofNullable(firstC);
    }

    private static Virtiofsd probe(Path path, boolean named) {
        Optional<HostCommand.Result> result = HostCommand.run(VERSION_TIMEOUT, path, "--version");
        String output = result.map(HostCommand.Result::output).orElse("");
        return new Virtiofsd(path, Virtiofsd.kindOf(path, output), result.map(HostCommand.Result::firstLine).orElse(""),
                named);
    }

    /** The executable binaries of the {@code "type": "fs"} descriptors in this directory, by file name. */
    static List<Path> described(Path dir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return List.of(); // no such directory: Lima goes on to the next
        }
        files.sort(null);
        JsonMapper json = JsonMapper.builder().build();
        List<Path> binaries = new ArrayList<>();
        for (Path file : files) {
            try {
                JsonNode node = json.readTree(file.toFile());
                if ("fs".equals(node.path("type").asString()) && node.path("binary").isString()) {
                    Path binary = Path.of(node.path("binary").stringValue());
                    if (Files.isRegularFile(binary) && Files.isExecutable(binary)) {
                        binaries.add(binary);
                    }
                }
            } catch (RuntimeException e) {
                // an unreadable descriptor is skipped, as Lima does (with a warning)
            }
        }
        return binaries;
    }
}
