package dev.limajunit.core.shell.ssh;

import dev.limajunit.core.shell.Command;

import java.util.Map;

/**
 * Turns a {@link Command} into the one line sent in an SSH exec request. sshd hands that line to the login
 * user's shell ({@code $SHELL -c LINE}), so it must parse in any POSIX shell.
 *
 * <p>Every command carries a marker variable {@value #MARKER}=TOKEN in its environment. A channel close does
 * not end a remote process (OpenSSH keeps the session until the child exits), so ending a command means
 * finding its processes by that marker in {@code /proc/PID/environ} and signalling them and their process
 * group ({@link RemoteKillScript}). Setting the marker is a shell builtin: the common path costs no extra
 * process. The command itself is {@code exec}ed so it keeps the session's pid and process group.
 */
final class RemoteCommandLine {

    static final String MARKER = "LIMA_JUNIT_CMD";

    private RemoteCommandLine() {
    }

    static String build(Command command, String token) {
        String inner = inner(command, token);
        if (command.user() == null) {
            return inner;
        }
        // The marker goes both outside (sudo/su carry it) and inside (sudo resets the environment).
        String script = ShellQuoting.quote(inner);
        String user = ShellQuoting.quote(command.user());
        return "export " + MARKER + "=" + token + "; "
                + "if command -v sudo >/dev/null 2>&1; then exec sudo -n -u " + user + " -- /bin/sh -c " + script
                + "; else exec su -s /bin/sh " + user + " -c " + script + "; fi";
    }

    /** The part that runs as the target user: marker, directory, environment, then the command itself. */
    private static String inner(Command command, String token) {
        StringBuilder line = new StringBuilder();
        line.append("export ").append(MARKER).append('=').append(token).append("; ");
        if (command.workingDirectory() != null) {
            line.append("cd ").append(ShellQuoting.quote(command.workingDirectory().value())).append(" || exit; ");
        }
        for (Map.Entry<String, String> variable : command.environment().entrySet()) {
            line.append("export ").append(variable.getKey()).append('=')
                    .append(ShellQuoting.quote(variable.getValue())).append("; ");
        }
        line.append("exec ");
        if (command.argv() != null) {
            line.append(ShellQuoting.join(command.argv()));
        } else {
            line.append("/bin/sh -c ").append(ShellQuoting.quote(command.script()));
        }
        return line.toString();
    }
}
