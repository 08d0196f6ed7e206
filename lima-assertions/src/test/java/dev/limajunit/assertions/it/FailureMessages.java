package dev.limajunit.assertions.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Runs an assertion that must fail, returns its message for checks, and keeps a copy under
 * {@code target/failure-messages/} (the messages in docs/assertions.md are copied from there).
 */
final class FailureMessages {

    private static final Path DIR = Path.of("target", "failure-messages");

    private FailureMessages() {
    }

    static AbstractStringAssert<?> failureOf(String name, ThrowingCallable assertion) {
        AssertionError error = catchThrowableOfType(AssertionError.class, assertion);
        assertThat(error).as("the assertion \"" + name + "\" should have failed").isNotNull();
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(name + ".txt"), error.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return assertThat(error.getMessage());
    }
}
