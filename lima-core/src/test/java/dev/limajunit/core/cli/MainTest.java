package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void noArgumentsPrintsUsageAndExits2() {
        CliRun run = CliRun.of(Subcommands.all());

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("usage: lima-junit COMMAND", "doctor", "validate FILE...");
    }

    @Test
    void helpListsEveryRegisteredCommand() {
        CliRun run = CliRun.of(Subcommands.all(), "--help");

        assertThat(run.exitCode()).isZero();
        Subcommands.all().forEach(c -> assertThat(run.out()).contains(c.name(), c.summary()));
    }

    @Test
    void anUnknownCommandIsNamed() {
        CliRun run = CliRun.of(Subcommands.all(), "boot");

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("unknown command \"boot\"");
    }

    @Test
    void aRegisteredCommandGetsTheRestOfTheArguments() {
        List<String> seen = new ArrayList<>();
        Subcommand echo = new Subcommand() {
            @Override
            public String name() {
                return "echo";
            }

            @Override
            public String arguments() {
                return "WORD...";
            }

            @Override
            public String summary() {
                return "prints its words";
            }

            @Override
            public int run(List<String> args, PrintStream out, PrintStream err) {
                seen.addAll(args);
                return 7;
            }
        };

        CliRun run = CliRun.of(List.of(echo), "echo", "a", "b");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(seen).containsExactly("a", "b");
    }
}
