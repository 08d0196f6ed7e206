/**
 * Internal: the SSH transport behind {@link dev.limajunit.core.shell.GuestShell}.
 */
@API(status = API.Status.INTERNAL)
package dev.limajunit.core.shell.ssh;

import org.apiguardian.api.API;
