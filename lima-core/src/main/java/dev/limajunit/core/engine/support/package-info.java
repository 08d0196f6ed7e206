/**
 * Internal: what both engines do the same way, in one place: reading the guest's {@code /proc/mounts} and checking
 * that every declared mount is there with its file system; recording the boot phases. (The qemu engine's boot records
 * its phases itself until its rework adopts {@link dev.limajunit.core.engine.support.BootPhases}.)
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.engine.support;

import org.apiguardian.api.API;
