package dev.limajunit.junit;

import java.util.List;

/**
 * An annotation attribute, {@link LimaVm} attribute or configuration property is wrong; nothing was booted. The
 * message names the attribute or property, the value and the rule.
 */
public class LimaConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LimaConfigurationException(String message) {
        super(message);
    }

    public LimaConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * One line per bad attribute under a header that names the declaration:
     * {@code invalid @LimaInstance on com.example.FooTest (1 error), nothing was booted:}.
     */
    static LimaConfigurationException invalid(String declaration, List<String> errors) {
        return invalid(declaration, errors, null);
    }

    static LimaConfigurationException invalid(String declaration, List<String> errors, Throwable cause) {
        StringBuilder message = new StringBuilder("invalid ").append(declaration).append(" (").append(errors.size())
                .append(errors.size() == 1 ? " error" : " errors").append("), nothing was booted:");
        for (String error : errors) {
            message.append("\n  - ").append(error);
        }
        return new LimaConfigurationException(message.toString(), cause);
    }
}
