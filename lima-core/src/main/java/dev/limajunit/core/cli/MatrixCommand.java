package dev.limajunit.core.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code lima-junit matrix merge FILE.json... -o DIR} and {@code lima-junit matrix diff A.json B.json}: the mount
 * matrix files of test runs merged into one report ({@link MatrixMergeAction}) or compared cell by cell
 * ({@link MatrixDiffAction}).
 */
public final class MatrixCommand implements Subcommand {

    @Override
    public String name() {
        return "matrix";
    }

    @Override
    public String arguments() {
        return "merge FILE.json... -o DIR | diff A.json B.json";
    }

    @Override
    public String summary() {
        return "merge mount-matrix.json files (one per CI job) into one json/md/html report, or diff two runs";
    }

    @Override
    public List<String> details() {
        return List.of(
                "  merge FILE.json... -o DIR   merge the runs into DIR/mount-matrix.{json,md,html} (-o or --output)",
                "  diff A.json B.json          Markdown of where they agree and differ; exit 1 if an outcome differs");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String action = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        return switch (action) {
            case "merge" -> new MatrixMergeAction().run(rest, out, err);
            case "diff" -> new MatrixDiffAction().run(rest, out, err);
            default -> {
                err.println("lima-junit matrix: the actions are \"merge\" and \"diff\"; usage: lima-junit matrix "
                        + arguments());
                yield Main.USAGE;
            }
        };
    }
}
