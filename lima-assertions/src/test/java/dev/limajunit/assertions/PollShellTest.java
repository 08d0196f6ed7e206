package dev.limajunit.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.ExecResult;
import dev.limajunit.core.shell.GuestFiles;
import dev.limajunit.core.shell.GuestShell;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.RunningCommand;
import dev.limajunit.core.shell.StreamingCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The poll shell's protocol against a real {@code sh} on this host, started the way a guest shell starts one: the
 * arguments arrive intact, one process answers every request, and a failing script, a hang or a dead process give
 * empty (the caller then probes with a plain command) and a fresh process next time.
 */
class PollShellTest {

    private final LocalShell shell = new LocalShell();

    @AfterEach
    void stop() {
        shell.close();
    }

    @Test
    void oneProcessAnswersEveryRequestWithItsArgumentsIntact() {
        String script = "for p in \"$@\"; do printf '%s|' \"$p\"; done; echo; echo $$";

        String first = PollShell.run(shell, script, List.of("a b", "it's", "$HOME"), Duration.ofSeconds(10))
                .orElseThrow();
        String second = PollShell.run(shell, script, List.of("x"), Duration.ofSeconds(10)).orElseThrow();

        assertThat(first.lines().toList().get(0)).isEqualTo("a b|it's|$HOME|");
        assertThat(second.lines().toList().get(0)).isEqualTo("x|");
        assertThat(shell.starts.get()).isEqualTo(1);
    }

    @Test
    void aFailingScriptGivesEmptyAndTheNextRequestAFreshProcess() {
        assertThat(PollShell.run(shell, "echo partial; false", List.of(), Duration.ofSeconds(10))).isEmpty();
        assertThat(PollShell.run(shell, "echo ok", List.of(), Duration.ofSeconds(10))).hasValue("ok\n");
        assertThat(shell.starts.get()).isEqualTo(2);
    }

    @Test
    void noAnswerInTimeGivesEmpty() {
        assertThat(PollShell.run(shell, "sleep 5", List.of(), Duration.ofMillis(300))).isEmpty();
        assertThat(PollShell.run(shell, "echo again", List.of(), Duration.ofSeconds(10))).hasValue("again\n");
    }

    @Test
    void aShellThatCannotStartCommandsGivesEmpty() {
        shell.refuseStarts = true;
        assertThat(PollShell.run(shell, "echo ok", List.of(), Duration.ofSeconds(10))).isEmpty();
    }

    /** Starts commands as local processes; nothing else is needed here. */
    private static final class LocalShell implements GuestShell {

        final AtomicInteger starts = new AtomicInteger();
        volatile boolean refuseStarts;
        private final List<Process> processes = new CopyOnWriteArrayList<>();

        @Override
        public RunningCommand start(Command command) {
            if (refuseStarts) {
                throw new IllegalStateException("closed");
            }
            starts.incrementAndGet();
            try {
                Process process = new ProcessBuilder(command.argv()).start();
                processes.add(process);
                return new RunningCommand() {
                    @Override
                    public OutputStream stdin() {
                        return process.getOutputStream();
                    }

                    @Override
                    public InputStream stdout() {
                        return process.getInputStream();
                    }

                    @Override
                    public InputStream stderr() {
                        return process.getErrorStream();
                    }

                    @Override
                    public OptionalInt waitFor(Duration timeout) {
                        try {
                            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                                    ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return OptionalInt.empty();
                        }
                    }

                    @Override
                    public boolean isRunning() {
                        return process.isAlive();
                    }

                    @Override
                    public void close() {
                        process.destroyForcibly();
                    }
                };
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public ExecResult exec(Command command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StreamingCommand stream(Command command, OutputListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GuestFiles files() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            processes.forEach(Process::destroyForcibly);
        }
    }
}
