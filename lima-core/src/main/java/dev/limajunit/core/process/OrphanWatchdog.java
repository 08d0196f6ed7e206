package dev.limajunit.core.process;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A tiny {@code sh} loop, one per JVM, that outlives the JVM: it polls the JVM every second and, once the JVM is gone
 * however it died (SIGKILL included, when no shutdown hook runs), kills every process that carries this run's session
 * marker. It finds them through {@code /proc/PID/environ}, so helpers that QEMU or virtiofsd forked are found too.
 * Then it deletes the run's {@link RunSession#directory()} (per-run keys, sockets, logs).
 * It ignores the terminal's SIGINT/SIGHUP, which would otherwise end it together with the JVM on Ctrl-C.
 */
final class OrphanWatchdog {

    /** Set to "false" to run without a watchdog (tests of the start-up sweep use it). */
    public static final String ENABLED_PROPERTY = "lima.junit.watchdog";

    /** $1 owner pid, $2 owner start ticks, $3 session id, $4 the session directory (removed: it holds SSH keys). */
    static final String SCRIPT = String.join("\n",
            "trap '' INT HUP",
            // Prints a process's start ticks (field 22 of its stat), nothing when it is gone or a zombie.
            "ticks() { read -r s 2>/dev/null < /proc/$1/stat || return 0; set -- ${s##*) }; [ \"$1\" = Z ] && return "
            + "0; shift 19; echo \"$1\"; }",
            "while [ \"$(ticks \"$1\")\" = \"$2\" ] || { [ \"$2\" = 0 ] && kill -0 \"$1\" 2>/dev/null; }; do sleep 1; "
            + "done",
            "for round in 1 2 3 4 5; do",
            "  pids=$(grep -lzx \"" + RunSession.ENV_VAR + "=$3\" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)",
            "  [ -z \"$pids\" ] && break",
            "  kill -KILL $pids 2>/dev/null",
            "  sleep 1",
            "done",
            "[ -z \"$4\" ] || rm -rf -- \"$4\"");

    private OrphanWatchdog() {
    }

    /** Starts the watchdog for this JVM and session; empty where it cannot run (no /proc, no sh). */
    static Optional<Process> start() {
        if (!MarkedProcesses.supported() || "false".equals(System.getProperty(ENABLED_PROPERTY))) {
            return Optional.empty();
        }
        ProcessOwner owner = ProcessOwner.current();
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", SCRIPT, "lima-junit-watchdog",
                Long.toString(owner.pid()), Long.toString(owner.startTicks()), RunSession.id(),
                // -Dlima.keepLogs=true keeps the directory for post-mortems, as the engines' own cleanup does
                Boolean.getBoolean("lima.keepLogs") ? "" : RunSession.directory().toString()))
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // The watchdog must not carry the marker itself, or it would kill itself first.
        builder.environment().remove(RunSession.ENV_VAR);
        builder.environment().remove(RunSession.OWNER_ENV_VAR);
        try {
            return Optional.of(builder.start());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
