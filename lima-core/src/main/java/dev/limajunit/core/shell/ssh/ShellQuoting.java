package dev.limajunit.core.shell.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Quotes words for a POSIX shell. Every word is put in single quotes, where nothing is special but the single
 * quote itself, which is written as {@code '\''}. Spaces, double quotes, {@code $}, backquotes, backslashes,
 * newlines and non-ASCII text thus reach the command unchanged.
 */
final class ShellQuoting {

    private ShellQuoting() {
    }

    /** One word, quoted. A NUL cannot be part of a Unix argument, so it is refused. */
    static String quote(String word) {
        if (word.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a guest command argument cannot contain a NUL character: "
                    + word.replace("\0", "\\0"));
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Words quoted and joined with spaces. */
    static String join(List<String> words) {
        return words.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}
