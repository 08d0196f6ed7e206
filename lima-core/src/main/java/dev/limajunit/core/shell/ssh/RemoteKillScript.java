package dev.limajunit.core.shell.ssh;

/**
 * The shell script, run over a second channel, that ends a command started by {@link RemoteCommandLine}: it
 * finds every process whose environment holds the command's marker, sends SIGTERM to them and to their
 * process groups (the session's shell is a group leader, so children that dropped the marker go too), waits
 * up to two seconds, then sends SIGKILL to what is left. Linux guests only ({@code /proc}).
 */
final class RemoteKillScript {

    private RemoteKillScript() {
    }

    static String forToken(String token) {
        String needle = RemoteCommandLine.MARKER + "=" + token;
        return "pids() { grep -l '" + needle + "' /proc/[0-9]*/environ 2>/dev/null"
                + " | sed -e 's,^/proc/,,' -e 's,/environ$,,' | grep -v \"^$$\\$\"; }; "
                + "p=$(pids); [ -n \"$p\" ] || exit 0; "
                + "for x in $p; do kill -TERM -$x 2>/dev/null; kill -TERM $x 2>/dev/null; done; "
                + "i=0; while [ $i -lt 20 ]; do p=$(pids); [ -n \"$p\" ] || exit 0; sleep 0.1; i=$((i+1)); done; "
                + "for x in $p; do kill -KILL -$x 2>/dev/null; kill -KILL $x 2>/dev/null; done; exit 0";
    }
}
