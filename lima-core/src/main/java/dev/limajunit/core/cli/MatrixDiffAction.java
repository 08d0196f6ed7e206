package dev.limajunit.core.cli;

import dev.limajunit.core.report.MatrixDiff;
import dev.limajunit.core.report.MatrixDiffMarkdown;
import dev.limajunit.core.report.MatrixFormatException;
import dev.limajunit.core.report.MatrixJson;
import dev.limajunit.core.report.MountMatrix;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code lima-junit matrix diff A.json B.json}: prints, as Markdown, where two runs' mount matrices agree and differ
 * cell by cell. Exits 1 when a cell both hold differs in outcome, 0 otherwise (latency classes and cells only one run
 * holds are reported, not failed), 2 when a file is missing or not a mount matrix, since then nothing was compared.
 */
final class MatrixDiffAction {

    static final String USAGE = "usage: lima-junit matrix diff A.json B.json";

    int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<String> option = args.stream().filter(a -> a.startsWith("-")).findFirst();
        if (option.isPresent()) {
            err.println("lima-junit matrix diff: unknown option \"" + option.get() + "\"; " + USAGE);
            return Main.USAGE;
        }
        if (args.size() != 2) {
            err.println("lima-junit matrix diff: name exactly two mount-matrix.json files, got " + args.size()
                    + "; " + USAGE);
            return Main.USAGE;
        }
        Path fileA = Path.of(args.get(0));
        Path fileB = Path.of(args.get(1));
        MountMatrix a;
        MountMatrix b;
        try {
            a = read(fileA);
            b = read(fileB);
        } catch (MatrixFormatException e) {
            err.println("lima-junit matrix diff: " + e.getMessage());
            return Main.USAGE;
        } catch (UncheckedIOException e) {
            err.println("lima-junit matrix diff: " + e.getMessage() + ": " + e.getCause().getMessage());
            return Main.USAGE;
        }
        MatrixDiff diff = MatrixDiff.of(a, b);
        out.print(MatrixDiffMarkdown.render(diff, fileA.toString(), fileB.toString()));
        return diff.outcomesDiffer() ? 1 : 0;
    }

    private static MountMatrix read(Path file) {
        if (!Files.exists(file)) {
            throw new MatrixFormatException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new MatrixFormatException(file + ": not a regular file");
        }
        return MatrixJson.read(file);
    }
}
