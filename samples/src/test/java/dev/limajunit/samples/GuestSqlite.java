package dev.limajunit.samples;

import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sqlite3 command line in a guest: the guest's own where it has one (a Lima image), else the host's
 * {@code /usr/bin/sqlite3} copied in with the libraries ldd names (the qemu engine's guest shares the host's libc).
 */
final class GuestSqlite {

    static final Path HOST_SQLITE = Path.of("/usr/bin/sqlite3");
    private static final String DIR = "/tmp/lima-junit-sqlite";
    private static final Pattern LIBRARY = Pattern.compile("=>\\s+(/\\S+)");

    private GuestSqlite() {
    }

    /** A shell prefix that runs sqlite3 in the guest, copying it there when the guest has none. */
    static String command(GuestShell shell) {
        if (shell.exec("sh", "-c", "command -v sqlite3").succeeded()) {
            return "sqlite3";
        }
        if (!shell.exec("test", "-x", DIR + "/sqlite3").succeeded()) {
            shell.execChecked("mkdir", "-p", DIR);
            for (Path file : hostFiles()) {
                shell.files().upload(file, GuestPath.of(DIR + "/" + file.getFileName()));
            }
            shell.execChecked("chmod", "755", DIR + "/sqlite3");
        }
        return "LD_LIBRARY_PATH=" + DIR + " " + DIR + "/sqlite3";
    }

    /** sqlite3 and the libraries it loads, less libc and the loader, which every glibc guest has. */
    private static List<Path> hostFiles() {
        try {
            Process ldd = new ProcessBuilder("ldd", HOST_SQLITE.toString()).redirectErrorStream(true).start();
            String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            List<Path> files = new ArrayList<>(List.of(HOST_SQLITE));
            Matcher m = LIBRARY.matcher(out);
            while (m.find()) {
                Path library = Path.of(m.group(1));
                String name = library.getFileName().toString();
                if (!name.startsWith("libc.so") && !name.startsWith("ld-linux") && Files.isReadable(library)) {
                    files.add(library);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
