package dev.limajunit.core.shell;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A guest command and how to run it. Either an argv (each argument quoted so it arrives intact) or a shell
 * script (sent as written to {@code sh -c}).
 */
public final class Command {

    /** How long a command may run when nothing else is said. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final List<String> argv;
    private final String script;
    private Duration timeout = DEFAULT_TIMEOUT;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private GuestPath workingDirectory;
    private byte[] stdin;
    private String user;

    private Command(List<String> argv, String script) {
        this.argv = argv;
        this.script = script;
    }

    /** A command given as argv: no shell interprets its arguments. */
    public static Command of(String... argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        return new Command(List.of(argv), null);
    }

    /** A shell snippet run by the guest's {@code /bin/sh -c}. */
    public static Command shell(String script) {
        return new Command(null, Objects.requireNonNull(script, "script"));
    }

    public Command timeout(Duration value) {
        this.timeout = Objects.requireNonNull(value, "timeout");
        return this;
    }

    public Command env(String name, String value) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("environment variable name \"" + name + "\" is not a valid shell name");
        }
        environment.put(name, value);
        return this;
    }

    public Command workingDirectory(GuestPath value) {
        this.workingDirectory = value;
        return this;
    }

    public Command stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** Runs as another guest user (through sudo where the guest has it, else su). */
    public Command asUser(String value) {
        this.user = value;
        return this;
    }

    /** argv, or {@code null} for a shell script. */
    public List<String> argv() {
        return argv;
    }

    /** The shell script, or {@code null} for an argv command. */
    public String script() {
        return script;
    }

    public Duration timeout() {
        return timeout;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    public GuestPath workingDirectory() {
        return workingDirectory;
    }

    public byte[] stdin() {
        return stdin == null ? null : stdin.clone();
    }

    public String user() {
        return user;
    }

    @Override
    public String toString() {
        return argv != null ? String.join(" ", argv) : script;
    }
}
