package dev.limajunit.core.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code lima-junit COMMAND [ARGS...]}: the command-line entry point ({@code bin/lima-junit}), on picocli: {@code
 * --help} and {@code -h} on every command, {@code --version}, {@code help COMMAND}, {@code completion} (a bash/zsh
 * completion script), and exit status 2 for a wrong command line.
 */
public final class Main {

    /** Exit status for a wrong command line. */
    public static final int USAGE = 2;

    private final List<Subcommand> commands;

    public Main(List<Subcommand> commands) {
        this.commands = List.copyOf(commands);
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: under LANG=C Java 17 would print '?' for the "–" and "…" of Markdown output,
        // which is mostly redirected into UTF-8 files (docs, CI summaries) anyway
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new Main(Subcommands.all()).run(args, out, err));
    }

    /** Runs one command line in-process and returns its exit status. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        return commandLine(out, err).execute(args);
    }

    /** The whole command tree, writing to {@code out} and {@code err}. */
    CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandSpec top = CommandSpec.create().name("lima-junit").mixinStandardHelpOptions(true);
        top.versionProvider(new CliVersion());
        top.usageMessage()
                .customSynopsis("lima-junit [-hV] COMMAND [ARGS...]%n")
                .description("Lima-style VMs with host mounts, from the command line: what this host can run,",
                        "lima.yaml checks, mount matrices, a guest with mounts to try things in.")
                .footer("%nRun 'lima-junit COMMAND --help' for a command's arguments.",
                        "Exit status: 0 success, 1 the check found problems, 2 wrong usage.");
        CommandLine cli = new CommandLine(top);
        for (Subcommand command : commands) {
            cli.addSubcommand(command.name(), new CommandLine(SubcommandAdapter.spec(command, out, err)));
        }
        cli.addSubcommand("help", new CommandLine.HelpCommand());
        CommandLine completion = new CommandLine(new CompletionCommand());
        completion.getCommandSpec().versionProvider(new CliVersion());
        cli.addSubcommand(completion);
        // after the subcommands: picocli hands these settings to the subcommands present when they are set
        cli.setOut(writer(out));
        cli.setErr(writer(err));
        cli.setUsageHelpWidth(120);
        cli.setExecutionStrategy(parsed -> {
            if (!parsed.hasSubcommand() && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
                cli.usage(cli.getErr());
                return USAGE;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.setParameterExceptionHandler(Main::usageError);
        return cli;
    }

    /** A wrong command line: what is wrong, where to read the usage, exit status 2. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        PrintWriter err = where.getErr();
        boolean topLevel = where.getParent() == null;
        if (topLevel && e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")) {
            err.println("lima-junit: unknown command \"" + unmatched.getUnmatched().get(0) + "\"");
        } else {
            err.println(where.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        }
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Run '" + where.getCommandSpec().qualifiedName() + " --help' for its usage.");
        err.flush();
        return USAGE;
    }

    /** UTF-8 like the streams themselves: a PrintWriter on a stream would use the locale's charset. */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
