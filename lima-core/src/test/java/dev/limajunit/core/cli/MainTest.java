package dev.limajunit.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void noArgumentsPrintsUsageAndExits2() {
        CliRun run = CliRun.of(Subcommands.all());

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("Usage: lima-junit [-hV] COMMAND [ARGS...]", "doctor", "validate", "completion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsEveryRegisteredCommand(String help) {
        CliRun run = CliRun.of(Subcommands.all(), help);

        assertThat(run.exitCode()).isZero();
        Subcommands.all().forEach(c -> assertThat(run.out()).contains(c.name(), c.summary()));
        assertThat(run.out()).contains("Exit status: 0 success, 1 the check found problems, 2 wrong usage.");
    }

    static Stream<String> everyCommand() {
        return Stream.concat(Subcommands.all().stream().map(Subcommand::name), Stream.of("help", "completion"));
    }

    @ParameterizedTest
    @MethodSource("everyCommand")
    void everyCommandAnswersHelpWithItsUsageAndExitsZero(String command) {
        CliRun run = CliRun.of(Subcommands.all(), command, "--help");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: lima-junit " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void helpOnACommandShowsItsArgumentsSummaryAndDetails() {
        CliRun run = CliRun.of(Subcommands.all(), "help", "run");

        assertThat(run.exitCode()).isZero();
        RunCommand command = new RunCommand();
        assertThat(run.out()).contains("lima-junit run " + command.arguments(), command.summary(),
                "--mount-inotify      forward host file events into the guest");
    }

    @Test
    void versionNamesTheBuildsVersionAndTheJvm() {
        CliRun run = CliRun.of(Subcommands.all(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("^lima-junit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n")
                .contains("Java " + System.getProperty("java.version"));
    }

    @Test
    void anUnknownCommandIsNamedWithSuggestionsAndExits2() {
        CliRun run = CliRun.of(Subcommands.all(), "doctr");

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("lima-junit: unknown command \"doctr\"", "Did you mean: lima-junit doctor",
                "Run 'lima-junit --help' for its usage.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionBeforeTheCommandExits2() {
        CliRun run = CliRun.of(Subcommands.all(), "--fast", "doctor");

        assertThat(run.exitCode()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("lima-junit: Unknown option: '--fast'");
    }

    @Test
    void completionPrintsABashScriptThatKnowsEveryCommand() {
        CliRun run = CliRun.of(Subcommands.all(), "completion");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_lima-junit");
        Subcommands.all().forEach(c -> assertThat(run.out()).contains(c.name()));
    }

    @Test
    void aRegisteredCommandGetsTheRestOfTheArgumentsAsWrittenOptionsAndDoubleDashIncluded() {
        List<String> seen = new ArrayList<>();
        Subcommand echo = echo(seen);

        CliRun run = CliRun.of(List.of(echo), "echo", "--loud", "a", "--", "b", "--help", "-V");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(seen).containsExactly("--loud", "a", "--", "b", "--help", "-V");
    }

    @Test
    void aDoubleDashRightAfterTheCommandReachesItToo() {
        List<String> seen = new ArrayList<>();

        CliRun run = CliRun.of(List.of(echo(seen)), "echo", "--", "ls", "-h");

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(seen).containsExactly("--", "ls", "-h");
    }

    private static Subcommand echo(List<String> seen) {
        return new Subcommand() {
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
    }
}
