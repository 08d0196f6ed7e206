package dev.limajunit.core.config;

/** Writes a value into a message the way the user wrote it: strings quoted, numbers and booleans bare. */
final class Quote {

    private Quote() {
    }

    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String || value instanceof YamlNamed) {
            return "\"" + (value instanceof YamlNamed named ? named.yamlName() : value) + "\"";
        }
        return String.valueOf(value);
    }
}
