package dev.limajunit.core.yaml;

/** A lima.yaml could not be read as YAML at all (syntax error, unreadable file); the message says where. */
public class LimaYamlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LimaYamlException(String message, Throwable cause) {
        super(message, cause);
    }
}
