package dev.limajunit.core.report;

/** A mount matrix JSON file that cannot be read: names the file, where in it, and what is wrong. */
public class MatrixFormatException extends RuntimeException {

    public MatrixFormatException(String message) {
        super(message);
    }

    public MatrixFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
