package dev.limajunit.junit;

import org.apiguardian.api.API;

/**
 * An annotation attribute, {@link LimaVm} attribute or configuration property is wrong; nothing was booted. The
 * message names the attribute or property, the value and the rule.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class LimaConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LimaConfigurationException(String message) {
        super(message);
    }

    public LimaConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
