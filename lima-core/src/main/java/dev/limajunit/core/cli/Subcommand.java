package dev.limajunit.core.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One {@code lima-junit} subcommand. Register new ones in {@link Subcommands#all()}; {@link Main} gives each one
 * {@code --help} and passes it the rest of the command line as written.
 */
public interface Subcommand {

    /** The word on the command line: {@code doctor}. */
    String name();

    /** The arguments it takes, for the help text: {@code FILE...}; empty when none. */
    String arguments();

    /** One line for the help text. */
    String summary();

    /** More for {@code lima-junit NAME --help}, one line each: its options, examples; none by default. */
    default List<String> details() {
        return List.of();
    }

    /**
     * Runs the subcommand.
     *
     * @param args what followed the subcommand's name
     * @return the exit status: 0 success, 1 the check found problems, 2 wrong usage
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
