package dev.limajunit.core.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A {@link Subcommand} as a picocli command: picocli answers {@code --help} and {@code -h} and lists it in the
 * usage; everything else on the line goes to the subcommand as written, so it keeps parsing its own arguments and
 * naming them in its errors.
 */
final class SubcommandAdapter implements Callable<Integer> {

    private final Subcommand command;
    private final PrintStream out;
    private final PrintStream err;
    private final List<String> args = new ArrayList<>();

    private SubcommandAdapter(Subcommand command, PrintStream out, PrintStream err) {
        this.command = command;
        this.out = out;
        this.err = err;
    }

    static CommandSpec spec(Subcommand command, PrintStream out, PrintStream err) {
        SubcommandAdapter adapter = new SubcommandAdapter(command, out, err);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(adapter).name(command.name())
                .mixinStandardHelpOptions(true);
        spec.versionProvider(new CliVersion());
        spec.usageMessage()
                .customSynopsis("lima-junit " + command.name()
                        + (command.arguments().isEmpty() ? "" : " " + command.arguments()) + "%n")
                .description(command.summary())
                .footer(footer(command.details()));
        // Every word after the subcommand's name is its own, options included: the first one that is not -h,
        // --help, -V or --version ends picocli's part of the line. A "--" stays too (run's guest command follows
        // it): picocli's delimiter becomes a word with a NUL in it, which no argv can hold.
        spec.parser().unmatchedOptionsArePositionalParams(true).stopAtPositional(true).endOfOptionsDelimiter("\0--");
        spec.addPositional(PositionalParamSpec.builder()
                .paramLabel(command.arguments().isEmpty() ? "ARGS" : command.arguments())
                .arity("0..*")
                .type(List.class)
                .auxiliaryTypes(String.class)
                .hidden(true)
                .setter(new ISetter() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public <T> T set(T value) {
                        adapter.args.clear();
                        if (value != null) {
                            adapter.args.addAll((List<String>) value);
                        }
                        return null;
                    }
                })
                .build());
        return spec;
    }

    /** The details after a blank line; picocli formats each line, so a literal % must be doubled. */
    private static String[] footer(List<String> details) {
        if (details.isEmpty()) {
            return new String[0];
        }
        List<String> lines = new ArrayList<>(List.of(""));
        details.forEach(line -> lines.add(line.replace("%", "%%")));
        return lines.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        return command.run(List.copyOf(args), out, err);
    }
}
