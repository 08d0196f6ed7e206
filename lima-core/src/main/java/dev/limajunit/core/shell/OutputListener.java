package dev.limajunit.core.shell;

/** Receives a streamed command's output, line by line, as it arrives. Called from an I/O thread. */
public interface OutputListener {

    void stdoutLine(String line);

    default void stderrLine(String line) {
    }
}
