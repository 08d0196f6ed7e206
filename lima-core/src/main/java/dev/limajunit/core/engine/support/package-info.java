/**
 * Internal: what both engines do the same way, in one place: reading the guest's {@code /proc/mounts} and checking
 * that every declared mount is there with its file system.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.engine.support;

import org.apiguardian.api.API;
