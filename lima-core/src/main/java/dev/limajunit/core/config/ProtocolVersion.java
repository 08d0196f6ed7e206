package dev.limajunit.core.config;

/** 9p protocol version (guest mount option version=). */
public enum ProtocolVersion implements YamlNamed {
    P9_2000("9p2000"),
    P9_2000_U("9p2000.u"),
    P9_2000_L("9p2000.L");

    private final String yamlName;

    ProtocolVersion(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static ProtocolVersion fromYaml(String name) {
        return YamlNamed.parse(ProtocolVersion.class, name);
    }

    public static String allowed() {
        return YamlNamed.allowed(ProtocolVersion.class);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
