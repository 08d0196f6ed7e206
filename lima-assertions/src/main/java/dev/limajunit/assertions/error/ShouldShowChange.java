package dev.limajunit.assertions.error;

import dev.limajunit.assertions.FileView;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.assertj.core.presentation.Representation;

/**
 * A change made on one side of a mount did (or, for the negative check, did not) show on the other side in time.
 * Shows the change, the mount, how long it was watched, what differed, and both sides' views.
 */
public final class ShouldShowChange extends LimaErrorMessage {

    private ShouldShowChange(Function<Representation, String> message) {
        super(message);
    }

    /**
     * The two sides' views of a change's paths at the last poll.
     *
     * @param expected    the changing side's views (what agreement means)
     * @param actual      the other side's views
     * @param differences per path, how {@code actual} differs from {@code expected}, one phrase each
     */
    public record Comparison(List<String> paths, List<FileView> expected, List<FileView> actual,
            List<List<String>> differences) {
    }

    /**
     * @param side the side that should have shown the change (the other side made it)
     * @param poll the polling until it gave up
     */
    public static ShouldShowChange shouldShow(Side side, Object mount, Object change, Duration within,
            PollSummary poll, Comparison views) {
        Side origin = side.other();
        return new ShouldShowChange(representation -> {
            StringBuilder out = new StringBuilder();
            out.append("Expecting the ").append(side).append(" side of\n")
                    .append(indent(representation.toStringOf(mount)))
                    .append("\nto show the ").append(origin).append(" change\n")
                    .append(indent(representation.toStringOf(change)))
                    .append("\nwithin ").append(ms(within)).append(", but after ").append(ms(poll.elapsed()))
                    .append(" and ").append(poll.pollCount()).append(" it still differed:\n");
            for (int i = 0; i < views.paths().size(); i++) {
                for (String difference : views.differences().get(i)) {
                    out.append("  ").append(views.paths().get(i)).append(": ").append(difference).append('\n');
                }
            }
            out.append(origin).append(" sees:\n").append(views(views.paths(), views.expected())).append('\n')
                    .append(side).append(" sees (last poll):\n").append(views(views.paths(), views.actual()));
            return out.toString();
        });
    }

    /**
     * @param side  the side that should not have shown the change (the other side made it)
     * @param shown the polling until the first poll that showed it
     * @param seen  that poll's views of the paths
     */
    public static ShouldShowChange shouldNotShow(Side side, Object mount, Object change, Duration during,
            PollSummary shown, List<String> paths, List<FileView> seen) {
        return new ShouldShowChange(representation -> "Expecting the " + side + " side of\n"
                + indent(representation.toStringOf(mount)) + "\nnot to show the " + side.other() + " change\n"
                + indent(representation.toStringOf(change)) + "\nduring " + ms(during) + ", but it showed it "
                + ms(shown.elapsed()) + " after the change (poll " + shown.polls() + "):\n" + views(paths, seen));
    }

    static String views(List<String> paths, List<FileView> views) {
        return String.join("\n", IntStream.range(0, paths.size())
                .mapToObj(i -> "  " + paths.get(i) + ": " + views.get(i).describe()).toList());
    }
}
