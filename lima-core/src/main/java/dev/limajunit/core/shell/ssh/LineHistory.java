package dev.limajunit.core.shell.ssh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The last {@link #CAPACITY} output lines of a streamed command, so a readiness line can be awaited even when
 * it came before the wait began, while gigabytes of output never pile up in memory.
 */
final class LineHistory {

    static final int CAPACITY = 1000;

    private final Deque<String> lines = new ArrayDeque<>();
    private long total;
    private boolean ended;

    synchronized void add(String line) {
        if (lines.size() == CAPACITY) {
            lines.removeFirst();
        }
        lines.addLast(line);
        total++;
        notifyAll();
    }

    synchronized void end() {
        ended = true;
        notifyAll();
    }

    synchronized List<String> recent() {
        return new ArrayList<>(lines);
    }

    /**
     * Waits for a line that matches, looking first at the lines kept so far.
     *
     * @return the line, or empty when the time ran out or the output ended without one
     */
    synchronized Optional<String> await(Predicate<String> matcher, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        long seen = total - lines.size();
        while (true) {
            long unseen = total - seen;
            int skip = (int) Math.max(0, lines.size() - unseen);
            int index = 0;
            for (String line : lines) {
                if (index++ >= skip && matcher.test(line)) {
                    return Optional.of(line);
                }
            }
            seen = total;
            long left = deadline - System.nanoTime();
            if (ended || left <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
