package dev.limajunit.core.config;

/** Lima's mount types, with their exact YAML names. */
public enum MountType implements YamlNamed {
    REVERSE_SSHFS("reverse-sshfs"),
    NINEP("9p"),
    VIRTIOFS("virtiofs"),
    WSL2("wsl2");

    private final String yamlName;

    MountType(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static MountType fromYaml(String name) {
        return YamlNamed.parse(MountType.class, name);
    }

    public static String allowed() {
        return YamlNamed.allowed(MountType.class);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
