package dev.limajunit.assertions;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestCommandException;
import dev.limajunit.core.shell.GuestPath;
import dev.limajunit.core.shell.GuestShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@link FileView}s of guest paths with one guest command, using only what busybox and coreutils both
 * have. The listing is a shell glob (busybox {@code ls} masks non-ASCII names); content travels as hex from
 * {@code od}, so any byte survives.
 */
final class GuestProbe {

    /** Four lines a path: listed, symlink, stat of what it resolves to, content. */
    static final String SCRIPT = """
            for p in "$@"; do
              n=${p##*/}; d=${p%/*}; [ -n "$d" ] || d=/
              l=L0; for f in "$d"/* "$d"/.[!.]* "$d"/..?*; do [ "${f##*/}" = "$n" ] && l=L1; done; echo $l
              if [ -L "$p" ]; then printf 'S%s\\n' "$(readlink "$p")"; else echo N; fi
              if [ -e "$p" ]; then stat -L -c '%s %a %u %g %Y %F' "$p" 2>/dev/null || echo X; else echo X; fi
              if [ -f "$p" ] && [ -r "$p" ]; then printf C; od -An -v -tx1 "$p" | tr -d ' \\n'; echo; else echo -; fi
            done
            """;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GuestProbe() {
    }

    static FileView view(GuestShell shell, GuestPath path) {
        return views(shell, List.of(path)).get(0);
    }

    /** Through the shell's {@link PollShell}; a plain command when that cannot answer (it reports the failure). */
    static List<FileView> views(GuestShell shell, List<GuestPath> paths) {
        List<String> values = paths.stream().map(GuestPath::value).toList();
        Optional<String> fast = PollShell.run(shell, SCRIPT, values, TIMEOUT);
        if (fast.isPresent()) {
            return parse(fast.get(), paths.size());
        }
        List<String> argv = new ArrayList<>(List.of("sh", "-c", SCRIPT, "probe"));
        argv.addAll(values);
        ExecResult result = shell.exec(Command.of(argv.toArray(String[]::new)).timeout(TIMEOUT));
        if (!result.succeeded()) {
            throw new GuestCommandException(result);
        }
        return parse(result.stdoutText(), paths.size());
    }

    static List<FileView> parse(String stdout, int count) {
        String[] lines = stdout.split("\n", -1);
        if (lines.length < count * 4) {
            throw new IllegalStateException("guest probe printed " + lines.length + " lines for " + count
                    + " paths:\n" + stdout);
        }
        List<FileView> views = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            views.add(parseOne(lines[i * 4], lines[i * 4 + 1], lines[i * 4 + 2], lines[i * 4 + 3]));
        }
        return views;
    }

    private static FileView parseOne(String listedLine, String linkLine, String statLine, String contentLine) {
        boolean listed = listedLine.equals("L1");
        String link = linkLine.startsWith("S") ? linkLine.substring(1) : null;
        if (statLine.equals("X")) {
            return FileView.absent(listed, link);
        }
        String[] fields = statLine.split(" ", 6);
        FileView.Type type = fields[5].startsWith("regular") ? FileView.Type.FILE
                : fields[5].equals("directory") ? FileView.Type.DIRECTORY : FileView.Type.OTHER;
        byte[] content = contentLine.startsWith("C") ? HexFormat.of().parseHex(contentLine.substring(1)) : null;
        return new FileView(listed, link, type, Long.parseLong(fields[0]), Integer.parseInt(fields[1], 8) & 0777,
                Integer.parseInt(fields[2]), Integer.parseInt(fields[3]), Long.parseLong(fields[4]), content);
    }
}
