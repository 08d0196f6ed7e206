package dev.limajunit.core.config;

/** The SFTP server that serves a reverse-sshfs mount on the host. */
public enum SftpDriver implements YamlNamed {
    BUILTIN("builtin"),
    OPENSSH_SFTP_SERVER("openssh-sftp-server");

    private final String yamlName;

    SftpDriver(String yamlName) {
        this.yamlName = yamlName;
    }

    @Override
    public String yamlName() {
        return yamlName;
    }

    /** @throws IllegalArgumentException naming the value and the allowed values */
    public static SftpDriver fromYaml(String name) {
        return YamlNamed.parse(SftpDriver.class, name);
    }

    public static String allowed() {
        return YamlNamed.allowed(SftpDriver.class);
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
