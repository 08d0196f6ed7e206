package dev.limajunit.core.config;

/**
 * The {@code sshfs:} block of a mount, as written. A {@code null} field means "Lima's builtin default".
 *
 * @param cache          builtin default true
 * @param followSymlinks builtin default false
 * @param sftpDriver     "builtin" or "openssh-sftp-server"; default depends on the host
 */
public record SshfsOptions(Boolean cache, Boolean followSymlinks, String sftpDriver) {
    public static final SshfsOptions UNSET = new SshfsOptions(null, null, null);
}
