package dev.limajunit.core.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code lima-junit SUBCOMMAND [ARGS...]}: the command-line entry point ({@code bin/lima-junit}). */
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
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            help(args.length == 0 ? err : out);
            return args.length == 0 ? USAGE : 0;
        }
        Optional<Subcommand> command = commands.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isEmpty()) {
            err.println("lima-junit: unknown command \"" + args[0] + "\"");
            help(err);
            return USAGE;
        }
        return command.get().run(Arrays.asList(args).subList(1, args.length), out, err);
    }

    private void help(PrintStream to) {
        to.println("usage: lima-junit COMMAND [ARGS...]");
        to.println();
        to.println("commands:");
        for (Subcommand c : commands) {
            String synopsis = c.name() + (c.arguments().isEmpty() ? "" : " " + c.arguments());
            to.printf("  %-22s %s%n", synopsis, c.summary());
        }
    }
}
