package dev.limajunit.assertions;

import static dev.limajunit.assertions.error.ShouldHaveExited.Stream.STDERR;
import static dev.limajunit.assertions.error.ShouldHaveExited.Stream.STDOUT;
import static dev.limajunit.assertions.error.ShouldHaveExited.shouldContain;
import static dev.limajunit.assertions.error.ShouldHaveExited.shouldExitWith;
import static dev.limajunit.assertions.error.ShouldHaveExited.shouldFail;
import static dev.limajunit.assertions.error.ShouldHaveExited.shouldMatch;
import static dev.limajunit.assertions.error.ShouldHaveExited.shouldSucceed;

import dev.limajunit.core.shell.ExecResult;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a finished guest command; every failure names the command and shows both output streams. */
public class ExecResultAssert extends AbstractAssert<ExecResultAssert, ExecResult> {

    protected ExecResultAssert(ExecResult actual) {
        super(actual, ExecResultAssert.class);
    }

    /** Exit code 0. */
    public ExecResultAssert succeeded() {
        isNotNull();
        if (!actual.succeeded()) {
            throwAssertionError(shouldSucceed(actual));
        }
        return myself;
    }

    /** Any exit code but 0. */
    public ExecResultAssert failed() {
        isNotNull();
        if (actual.succeeded()) {
            throwAssertionError(shouldFail(actual));
        }
        return myself;
    }

    public ExecResultAssert hasExitCode(int expected) {
        isNotNull();
        if (actual.exitCode() != expected) {
            throwAssertionError(shouldExitWith(actual, expected));
        }
        return myself;
    }

    public ExecResultAssert stdoutContains(String expected) {
        isNotNull();
        if (!actual.stdoutText().contains(expected)) {
            throwAssertionError(shouldContain(actual, STDOUT, expected));
        }
        return myself;
    }

    public ExecResultAssert stderrContains(String expected) {
        isNotNull();
        if (!actual.stderrText().contains(expected)) {
            throwAssertionError(shouldContain(actual, STDERR, expected));
        }
        return myself;
    }

    /** Some part of stdout matches the regular expression ({@link java.util.regex.Matcher#find()}, multiline). */
    public ExecResultAssert stdoutMatches(String regex) {
        isNotNull();
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(actual.stdoutText()).find()) {
            throwAssertionError(shouldMatch(actual, STDOUT, regex));
        }
        return myself;
    }

    /** Some part of stderr matches the regular expression ({@link java.util.regex.Matcher#find()}, multiline). */
    public ExecResultAssert stderrMatches(String regex) {
        isNotNull();
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(actual.stderrText()).find()) {
            throwAssertionError(shouldMatch(actual, STDERR, regex));
        }
        return myself;
    }
}
