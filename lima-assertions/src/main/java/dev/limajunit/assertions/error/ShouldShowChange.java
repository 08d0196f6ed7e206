package dev.limajunit.assertions.error;

import dev.limajunit.assertions.FileView;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A change made on one side of a mount did (or, for the negative check, did not) show on the other side in time.
 * Shows the change, the mount, how long it was watched, what differed, and both sides' views.
 */
public final class ShouldShowChange extends LimaErrorMessage {

    private ShouldShowChange(String message) {
        super(message);
    }

    /**
     * @param side      "guest" or "host": the side that should have shown it
     * @param origin    the side that made the change
     * @param expected  the origin's views of the paths (what agreement means)
     * @param actual    the other side's views at the last poll
     */
    public static ShouldShowChange shouldShow(String side, String origin, Object mount, Object change, Duration within,
            Duration elapsed, int polls, List<String> paths, List<FileView> expected, List<FileView> actual,
            List<List<String>> differences) {
        StringBuilder out = new StringBuilder();
        out.append("Expecting the ").append(side).append(" side of\n").append(indent(String.valueOf(mount)))
                .append("\nto show the ").append(origin).append(" change\n").append(indent(String.valueOf(change)))
                .append("\nwithin ").append(ms(within)).append(", but after ").append(ms(elapsed)).append(" and ")
                .append(polls).append(polls == 1 ? " poll" : " polls").append(" it still differed:\n");
        for (int i = 0; i < paths.size(); i++) {
            for (String difference : differences.get(i)) {
                out.append("  ").append(paths.get(i)).append(": ").append(difference).append('\n');
            }
        }
        out.append(origin).append(" sees:\n").append(views(paths, expected)).append('\n')
                .append(side).append(" sees (last poll):\n").append(views(paths, actual));
        return new ShouldShowChange(out.toString());
    }

    public static ShouldShowChange shouldNotShow(String side, String origin, Object mount, Object change,
            Duration during, Duration latency, int poll, List<String> paths, List<FileView> seen) {
        return new ShouldShowChange("Expecting the " + side + " side of\n" + indent(String.valueOf(mount))
                + "\nnot to show the " + origin + " change\n" + indent(String.valueOf(change))
                + "\nduring " + ms(during) + ", but it showed it " + ms(latency) + " after the change (poll " + poll
                + "):\n" + views(paths, seen));
    }

    static String views(List<String> paths, List<FileView> views) {
        return String.join("\n", IntStream.range(0, paths.size())
                .mapToObj(i -> "  " + paths.get(i) + ": " + views.get(i).describe()).toList());
    }
}
