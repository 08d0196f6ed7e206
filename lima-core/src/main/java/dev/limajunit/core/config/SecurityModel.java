package dev.limajunit.core.config;

/** 9p security model (QEMU -virtfs security_model). */
public enum SecurityModel implements YamlNamed {
    PASSTHROUGH("passthrough"),
    MAPPED_XATTR("mapped-xattr"),
    MAPPED_FILE("mapped-file"),
    NONE("none");

    private final String yamlName;

    SecurityModel(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static SecurityModel fromYaml(String name) {
        return YamlNamed.parse(SecurityModel.class, name);
    }

    public static String allowed() {
        return YamlNamed.allowed(SecurityModel.class);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
