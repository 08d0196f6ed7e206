package dev.limajunit.assertions.error;

import static org.assertj.core.presentation.StandardRepresentation.STANDARD_REPRESENTATION;

import java.time.Duration;
import java.util.function.Function;
import org.assertj.core.description.Description;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * The base of this module's message factories: a message laid out in AssertJ's shape (expected, actual, where),
 * prefixed with the assert's description ({@code as(...)}) when there is one. The message is built when AssertJ asks
 * for it, with the assert's {@link Representation} ({@code withRepresentation(...)}, or the standard one), which
 * shows the objects under test: the mount, the change, the watcher. Plain text (paths, file views, command output)
 * is shown as it is. Not run through {@code String.format}, so file names and contents with {@code %} arrive
 * intact.
 */
public abstract class LimaErrorMessage implements ErrorMessageFactory {

    private final Function<Representation, String> message;

    /** @param message the message, given the representation to show objects with */
    protected LimaErrorMessage(Function<Representation, String> message) {
        this.message = message;
    }

    @Override
    public String create(Description description, Representation representation) {
        String prefix = description == null || description.value() == null || description.value().isEmpty()
                ? "" : "[" + description.value() + "] ";
        return prefix + "\n" + message.apply(representation == null ? STANDARD_REPRESENTATION : representation);
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

    /** The message as the standard representation shows it. */
    @Override
    public String toString() {
        return message.apply(STANDARD_REPRESENTATION);
    }
}
