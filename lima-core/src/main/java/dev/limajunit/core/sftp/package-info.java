/**
 * Internal: the SFTP server behind reverse-sshfs mounts of the qemu engine.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.sftp;

import org.apiguardian.api.API;
