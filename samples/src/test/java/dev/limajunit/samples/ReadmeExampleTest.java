package dev.limajunit.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java example is {@link FileWatcherIT}: its code block equals the class as written there (from the
 * first annotation on), so the example compiles and runs with every build and cannot drift from it. Needs no VM.
 */
class ReadmeExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SAMPLE = Path.of("src", "test", "java", "dev", "limajunit", "samples",
            "FileWatcherIT.java");

    @Test
    void theReadmeExampleIsFileWatcherIT() throws IOException {
        Matcher block = Pattern.compile("(?s)```java\n(.*?)```\n").matcher(Files.readString(README));
        assertThat(block.find()).as("a ```java block in %s", README).isTrue();

        assertThat(block.group(1))
                .as("README.md's Java example must equal %s from its first annotation on: change both together",
                        SAMPLE)
                .isEqualTo(classAsWritten(Files.readString(SAMPLE)));
    }

    /** The source from the first line that starts the class (an annotation or {@code class}) to the end. */
    private static String classAsWritten(String source) {
        Matcher start = Pattern.compile("(?m)^(@|class )").matcher(source);
        assertThat(start.find()).as("a class in %s", SAMPLE).isTrue();
        return source.substring(start.start());
    }
}
