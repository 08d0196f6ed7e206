package dev.limajunit.core.config;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum whose constants have a fixed spelling in Lima's YAML. */
public interface YamlNamed {

    String yamlName();

    /**
     * Parses {@code value} as one of {@code type}'s YAML names.
     *
     * @throws IllegalArgumentException naming the value and every allowed value
     */
    static <E extends Enum<E> & YamlNamed> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.yamlName().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("\"" + value + "\" is not one of " + allowed(type));
    }

    /** The allowed YAML names, quoted and comma separated, for error messages. */
    static <E extends Enum<E> & YamlNamed> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> "\"" + c.yamlName() + "\"")
                .collect(Collectors.joining(", "));
    }
}
