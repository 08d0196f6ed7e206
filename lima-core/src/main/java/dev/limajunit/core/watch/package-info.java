/**
 * API: a file watcher in the guest (inotify) and the host actions whose events it should see.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.limajunit.core.watch;

import org.apiguardian.api.API;
