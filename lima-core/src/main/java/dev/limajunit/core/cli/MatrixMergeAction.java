package dev.limajunit.core.cli;

import dev.limajunit.core.report.MatrixFiles;
import dev.limajunit.core.report.MatrixFormatException;
import dev.limajunit.core.report.MatrixMerge;
import dev.limajunit.core.report.MountMatrix;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lima-junit matrix merge FILE.json... -o DIR}: merges the mount matrices of several runs (one per CI job)
 * into one, written as mount-matrix.json, .md and .html into DIR. Exits 1 when a file cannot be read.
 */
final class MatrixMergeAction {

    static final String USAGE = "usage: lima-junit matrix merge FILE.json... -o DIR";

    int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> inputs = new ArrayList<>();
        Path outDir = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-o") || arg.equals("--output")) {
                if (i + 1 >= args.size()) {
                    err.println("lima-junit matrix merge: " + arg + " needs a directory");
                    return Main.USAGE;
                }
                outDir = Path.of(args.get(++i));
            } else if (arg.startsWith("-")) {
                err.println("lima-junit matrix merge: unknown option \"" + arg + "\"; " + USAGE);
                return Main.USAGE;
            } else {
                inputs.add(Path.of(arg));
            }
        }
        if (inputs.isEmpty() || outDir == null) {
            err.println("lima-junit matrix merge: name at least one mount-matrix.json and the output directory; "
                    + USAGE);
            return Main.USAGE;
        }
        for (Path input : inputs) {
            if (!Files.isRegularFile(input)) {
                err.println("lima-junit matrix merge: " + input + ": no such file");
                return 1;
            }
        }
        MountMatrix merged;
        try {
            merged = MatrixMerge.mergeFiles(inputs);
        } catch (MatrixFormatException | UncheckedIOException e) {
            err.println("lima-junit matrix merge: " + e.getMessage());
            return 1;
        }
        List<Path> written;
        try {
            written = MatrixFiles.write(merged, outDir);
        } catch (UncheckedIOException e) {
            err.println("lima-junit matrix merge: " + e.getMessage() + ": " + e.getCause().getMessage());
            return 1;
        }
        out.println("merged " + inputs.size() + (inputs.size() == 1 ? " file (" : " files (") + merged.runs().size()
                + (merged.runs().size() == 1 ? " run): " : " runs): ") + merged.rows().size() + " behaviours x "
                + merged.columns().size() + " mount types: " + merged.outcomeSummary());
        written.forEach(f -> out.println("wrote " + f));
        return 0;
    }
}
