package dev.limajunit.assertions;

import static dev.limajunit.assertions.error.ShouldHaveExited.shouldHaveExitCode;
import static dev.limajunit.assertions.error.ShouldHaveExited.shouldHaveOutput;

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
            throwAssertionError(shouldHaveExitCode(actual, "succeed (exit code 0)"));
        }
        return myself;
    }

    /** Any exit code but 0. */
    public ExecResultAssert failed() {
        isNotNull();
        if (actual.succeeded()) {
            throwAssertionError(shouldHaveExitCode(actual, "fail (exit code other than 0)"));
        }
        return myself;
    }

    public ExecResultAssert hasExitCode(int expected) {
        isNotNull();
        if (actual.exitCode() != expected) {
            throwAssertionError(shouldHaveExitCode(actual, "exit with " + expected));
        }
        return myself;
    }

    public ExecResultAssert stdoutContains(String expected) {
        isNotNull();
        if (!actual.stdoutText().contains(expected)) {
            throwAssertionError(shouldHaveOutput(actual, "stdout", "to contain", expected));
        }
        return myself;
    }

    public ExecResultAssert stderrContains(String expected) {
        isNotNull();
        if (!actual.stderrText().contains(expected)) {
            throwAssertionError(shouldHaveOutput(actual, "stderr", "to contain", expected));
        }
        return myself;
    }

    /** Some part of stdout matches the regular expression ({@link java.util.regex.Matcher#find()}, multiline). */
    public ExecResultAssert stdoutMatches(String regex) {
        isNotNull();
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(actual.stdoutText()).find()) {
            throwAssertionError(shouldHaveOutput(actual, "stdout", "to match the regular expression", regex));
        }
        return myself;
    }

    /** Some part of stderr matches the regular expression ({@link java.util.regex.Matcher#find()}, multiline). */
    public ExecResultAssert stderrMatches(String regex) {
        isNotNull();
        if (!Pattern.compile(regex, Pattern.MULTILINE).matcher(actual.stderrText()).find()) {
            throwAssertionError(shouldHaveOutput(actual, "stderr", "to match the regular expression", regex));
        }
        return myself;
    }
}
