package dev.limajunit.core.cli;

import java.util.List;

/** The registry of subcommands: one line per subcommand. */
public final class Subcommands {

    private Subcommands() {
    }

    public static List<Subcommand> all() {
        return List.of(
                new DoctorCommand(),
                new ValidateCommand(),
                new MatrixCommand(),
                new RunCommand());
    }
}
