package dev.limajunit.core.shell.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.limajunit.core.shell.Command;
import dev.limajunit.core.shell.GuestShellException;
import dev.limajunit.core.shell.GuestTimeoutException;
import dev.limajunit.core.shell.OutputListener;
import dev.limajunit.core.shell.StreamingCommand;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** stream(): lines as they come, readiness lines, and a close that ends the remote process. */
@ExtendWith(LocalSshShell.class)
class SshGuestShellStreamIT {

    private static final long MIB_64 = 64L * 1024 * 1024;

    private static SshGuestShell shell;

    @BeforeAll
    static void start(SshGuestShell connected) {
        shell = connected;
    }

    @Test
    void sixtyFourMebibytesStreamLineByLineWithoutBeingKept() {
        long lines = MIB_64 / 64; // each line: 63 digits and a newline
        AtomicLong expected = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicReference<String> wrong = new AtomicReference<>();
        OutputListener listener = line -> {
            long next = expected.incrementAndGet();
            bytes.addAndGet(line.length() + 1);
            if (line.length() != 63 || Long.parseLong(line) != next) {
                wrong.compareAndSet(null, "line " + next + " was [" + line + "]");
            }
        };
        Command generate = Command.of("awk", "BEGIN { for (i = 1; i <= " + lines + "; i++) printf \"%063d\\n\", i }")
                .timeout(Duration.ofMinutes(5));

        try (StreamingCommand command = shell.stream(generate, listener)) {
            assertThat(command.waitFor(Duration.ofMinutes(5))).isEqualTo(OptionalInt.of(0));
            assertThat(wrong.get()).isNull();
            assertThat(expected.get()).isEqualTo(lines);
            assertThat(bytes.get()).isEqualTo(MIB_64);
            assertThat(((SshStreamingCommand) command).recentLines()).hasSize(LineHistory.CAPACITY);
        }
    }

    @Test
    void awaitsAReadinessLineThenCloseEndsTheProcess() {
        String seconds = Long.toString(100_000 + ThreadLocalRandom.current().nextInt(800_000));
        List<String> seen = new CopyOnWriteArrayList<>();
        try (StreamingCommand watcher = shell.stream(Command.shell(
                "echo Setting up watches.; sleep 0.3; echo 'Watches established.' >&2; sleep " + seconds),
                new Collecting(seen))) {

            String line = watcher.awaitLine(l -> l.startsWith("Watches"), Duration.ofSeconds(10));

            assertThat(line).isEqualTo("Watches established.");
            assertThat(seen).containsExactly("out:Setting up watches.", "err:Watches established.");
            assertThat(watcher.isRunning()).isTrue();
            watcher.close();
            assertThat(watcher.isRunning()).isFalse();
        }
        assertThat(shell.exec("sh", "-c", "ps -eo args | grep -e \"$1\" | grep -v grep; true", "sh", seconds)
                .stdoutText()).isEmpty();
    }

    @Test
    void aLineThatCameBeforeTheWaitCounts() {
        try (StreamingCommand command = shell.stream(Command.shell("echo ready; echo done"), line -> { })) {
            assertThat(command.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(0));

            assertThat(command.awaitLine("ready"::equals, Duration.ofSeconds(1))).isEqualTo("ready");
        }
    }

    @Test
    void aLastLineWithoutNewlineIsDelivered() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (StreamingCommand command = shell.stream(Command.shell("printf 'a\\r\\nb'"), new Collecting(seen))) {
            command.waitFor(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("out:a", "out:b");
        }
    }

    @Test
    void awaitingALineThatNeverComesTimesOutWithTheLinesSeen() {
        try (StreamingCommand command = shell.stream(Command.shell("echo something else; sleep 30"), line -> { })) {
            assertThatThrownBy(() -> command.awaitLine("ready"::equals, Duration.ofMillis(500)))
                    .isInstanceOf(GuestTimeoutException.class)
                    .hasMessageContaining("500 ms")
                    .hasMessageContaining("something else");
        }
    }

    @Test
    void awaitingALineFromAnEndedCommandFailsAtOnce() {
        try (StreamingCommand command = shell.stream(Command.shell("echo bye; exit 4"), line -> { })) {
            assertThat(command.waitFor(Duration.ofSeconds(10))).isEqualTo(OptionalInt.of(4));

            assertThatThrownBy(() -> command.awaitLine("ready"::equals, Duration.ofMinutes(5)))
                    .isInstanceOf(GuestShellException.class)
                    .isNotInstanceOf(GuestTimeoutException.class)
                    .hasMessageContaining("ended before")
                    .hasMessageContaining("bye");
        }
    }

    private record Collecting(List<String> seen) implements OutputListener {
        @Override
        public void stdoutLine(String line) {
            seen.add("out:" + line);
        }

        @Override
        public void stderrLine(String line) {
            seen.add("err:" + line);
        }
    }
}
