package dev.limajunit.assertions.error;

import java.time.Duration;
import org.assertj.core.description.Description;
import org.assertj.core.presentation.Representation;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * The base of this module's message factories: a message already laid out in AssertJ's shape (expected, actual,
 * where), prefixed with the assert's description ({@code as(...)}) when there is one. Not run through
 * {@code String.format}, so file names and contents with {@code %} arrive intact.
 */
public abstract class LimaErrorMessage implements ErrorMessageFactory {

    private final String message;

    protected LimaErrorMessage(String message) {
        this.message = message;
    }

    @Override
    public String create(Description description, Representation representation) {
        String prefix = description == null || description.value() == null || description.value().isEmpty()
                ? "" : "[" + description.value() + "] ";
        return prefix + "\n" + message;
    }

    @Override
    public String create(Description description) {
        return create(description, null);
    }

    @Override
    public String create() {
        return create(null, null);
    }

    /** Lines indented by two spaces, the way AssertJ shows values. */
    protected static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b).orElse("  (nothing)");
    }

    protected static String ms(Duration duration) {
        return duration.toMillis() + " ms";
    }

    @Override
    public String toString() {
        return message;
    }
}
