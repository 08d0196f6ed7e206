package dev.limajunit.core.config;

/** 9p caching policy (guest mount option cache=). */
public enum NinePCache implements YamlNamed {
    NONE("none"),
    LOOSE("loose"),
    FSCACHE("fscache"),
    MMAP("mmap");

    private final String yamlName;

    NinePCache(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static NinePCache fromYaml(String name) {
        return YamlNamed.parse(NinePCache.class, name);
    }

    public static String allowed() {
        return YamlNamed.allowed(NinePCache.class);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
