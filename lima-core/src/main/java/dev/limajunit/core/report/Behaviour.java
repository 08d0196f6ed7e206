package dev.limajunit.core.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the matrix: a behaviour a mount may or may not have, e.g. {@code host-change-visible} / "host change is
 * visible in the guest". The id is the stable key (merging matches rows by it); the title is for people.
 */
public record Behaviour(String id, String title) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public Behaviour {
        Objects.requireNonNull(id, "behaviour id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("behaviour id \"" + id
                    + "\" must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        title = title == null || title.isBlank() ? id : title.strip();
    }
}
