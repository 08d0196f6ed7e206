package dev.limajunit.core.config;

/** Lima's VM types, with their exact YAML names. */
public enum VmType implements YamlNamed {
    QEMU("qemu"),
    VZ("vz"),
    WSL2("wsl2"),
    KRUNKIT("krunkit");

    private final String yamlName;

    VmType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static VmType fromYaml(String name) {
        return YamlNamed.parse(VmType.class, name);
    }

    public static String allowed() {
        return YamlNamed.allowed(VmType.class);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
